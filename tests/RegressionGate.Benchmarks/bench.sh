#!/usr/bin/env bash
# Whole-run figures: cold and warm `regression-gate run` over generated golden sets, with wall time and peak memory
# from /usr/bin/time -v. Usage: tests/RegressionGate.Benchmarks/bench.sh SEGMENTS [MAX_TOKENS] [KIND] [WORKDIR]
#   cold: an empty embedding cache (REGRESSIONGATE_CACHE), verified snapshots written by REGRESSIONGATE_AUTO_APPROVE=1
#   warm: the same again, with the cache and the verified snapshots in place (the gate passes)
set -euo pipefail
segments=${1:?segments}
max_tokens=${2:-512}
kind=${3:-dense}
work=${4:-/tmp/rg-bench-$segments-$max_tokens-$kind}
root=$(cd "$(dirname "$0")/../.." && pwd)

dotnet build "$root/src/RegressionGate.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/RegressionGate.Benchmarks" -c Release -v quiet -nologo >/dev/null
cli="$root/src/RegressionGate.Cli/bin/Release/net10.0/regression-gate.dll"

rm -rf "$work"
mkdir -p "$work"
dotnet "$root/tests/RegressionGate.Benchmarks/bin/Release/net10.0/RegressionGate.Benchmarks.dll" golden "$work/golden" "$segments" 100 "$max_tokens" "$kind"
export REGRESSIONGATE_CACHE="$work/cache"
unset CI

measure() {
  local label=$1; shift
  local log="$work/$label.time"
  set +e
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$log"
  local code=$?
  set -e
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  echo "$label: exit $code, wall $wall, peak RSS $((rss / 1024)) MB, gate says: $(head -1 "$work/$label.out")"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $segments segments, 100 questions, maxTokens $max_tokens, $kind"
measure startup dotnet "$cli" --help
REGRESSIONGATE_AUTO_APPROVE=1 measure cold dotnet "$cli" run --golden "$work/golden" --out "$work/cold-report"
measure warm dotnet "$cli" run --golden "$work/golden" --out "$work/warm-report"
measure warm2 dotnet "$cli" run --golden "$work/golden" --out "$work/warm-report"
ls -la "$work/cache"

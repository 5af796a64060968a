#!/usr/bin/env bash
# Warm-run figures per retriever kind: `regression-gate run` over a generated golden set whose caches are in place, with
# wall time, CPU time (user + system) and peak memory from /usr/bin/time -v, and the gate's own time (gate-report.json's
# elapsedSeconds, which leaves out process start and loading the golden set). On a shared machine wall and gate times
# grow with the load average (printed with each run); CPU time much less.
# Usage: tests/RegressionGate.Benchmarks/warm.sh SEGMENTS [MAX_TOKENS] [RUNS] [WORKDIR]
#   The embedding cache is filled with stand-in vectors for exactly the texts a run embeds (StandInCache.cs): a real cold
#   run takes 13 min 43 s at 100,000 segments here, and a vector's values change rankings, not a warm run's work.
#   Per kind (dense, bm25, hybrid): a first run writes the verified snapshots (REGRESSIONGATE_AUTO_APPROVE=1) and, for
#   bm25 and hybrid, builds the BM25 index into the cache; then RUNS warm runs, which must pass.
set -euo pipefail
segments=${1:?segments}
max_tokens=${2:-128}
runs=${3:-3}
work=${4:-/tmp/rg-warm-$segments-$max_tokens}
root=$(cd "$(dirname "$0")/../.." && pwd)

dotnet build "$root/src/RegressionGate.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/RegressionGate.Benchmarks" -c Release -v quiet -nologo >/dev/null
cli="$root/src/RegressionGate.Cli/bin/Release/net10.0/regression-gate.dll"
bench="$root/tests/RegressionGate.Benchmarks/bin/Release/net10.0/RegressionGate.Benchmarks.dll"

export REGRESSIONGATE_CACHE="$work/cache"
unset CI
# The generated set and its stand-in vectors take minutes at 100,000 segments: made once per WORKDIR, then reused.
if [ ! -f "$work/ready" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  dotnet "$bench" golden "$work/golden-dense" "$segments" 100 "$max_tokens" dense
  for kind in bm25 hybrid; do
    mkdir -p "$work/golden-$kind"
    ln -s "$work/golden-dense/corpus.jsonl" "$work/golden-dense/questions.jsonl" "$work/golden-$kind/"
    sed "s/\"kind\": \"dense\"/\"kind\": \"$kind\"/" "$work/golden-dense/gate.json" >"$work/golden-$kind/gate.json"
  done
  dotnet "$bench" standin "$work/golden-dense" "$REGRESSIONGATE_CACHE"
  touch "$work/ready"
fi
rm -f "$work"/*.gate "$work"/*.time "$work"/*.out
rm -rf "$REGRESSIONGATE_CACHE"/bm25-* "$work"/golden-*/snapshots

measure() {
  local label=$1 out=$2; shift 2
  local log="$work/$label.time"
  set +e
  /usr/bin/time -v "$@" --out "$out" >"$work/$label.out" 2>"$log"
  local code=$?
  set -e
  local wall rss gate cpu
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
  gate=$(grep -o '"elapsedSeconds": *[0-9.]*' "$out/gate-report.json" | grep -o '[0-9.]*$')
  echo "$label: exit $code, wall $wall, gate ${gate} s, CPU ${cpu} s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg); $(grep -c '^warning' "$log" || true) warnings"
  echo "$gate" >>"$work/$label.gate"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $segments segments, 100 questions, maxTokens $max_tokens"
for kind in dense bm25 hybrid; do
  REGRESSIONGATE_AUTO_APPROVE=1 measure "$kind-first" "$work/report-$kind-first" dotnet "$cli" run --golden "$work/golden-$kind"
  for i in $(seq "$runs"); do
    measure "$kind-warm" "$work/report-$kind-$i" dotnet "$cli" run --golden "$work/golden-$kind"
  done
  echo "$kind: median warm gate time $(sort -n "$work/$kind-warm.gate" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}') s over $runs runs (load $(cut -d' ' -f1 /proc/loadavg))"
done
du -sh "$REGRESSIONGATE_CACHE"/* | sed 's/^/cache: /'

#!/usr/bin/env bash
# Sharded vs unsharded cold runs: a generated golden set gated by 1, 2 and 4 shards, each shard a separate process
# with its own empty embedding cache, as each runner of a CI matrix starts. Shards run one after another, so each
# one's time is what its runner would take alone; a matrix's wall time is then the slowest embed shard plus the
# slowest gate shard plus the merge, which is printed apart.
# Usage: tests/RegressionGate.Benchmarks/bench-shards.sh [SEGMENTS] [MAX_TOKENS] [WORKDIR]
set -euo pipefail
segments=${1:-8000}
max_tokens=${2:-512}
work=${3:-/tmp/rg-bench-shards-$segments-$max_tokens}
root=$(cd "$(dirname "$0")/../.." && pwd)

dotnet build "$root/src/RegressionGate.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tests/RegressionGate.Benchmarks" -c Release -v quiet -nologo >/dev/null
cli="$root/src/RegressionGate.Cli/bin/Release/net10.0/regression-gate.dll"

rm -rf "$work"
mkdir -p "$work"
dotnet "$root/tests/RegressionGate.Benchmarks/bin/Release/net10.0/RegressionGate.Benchmarks.dll" golden "$work/golden" "$segments" 100 "$max_tokens" dense
unset CI


# Wall and CPU seconds of one command, appended to $times as "wall cpu"; its exit code is returned.
timed() {
  local status=0
  /usr/bin/time -f '%e %U %S' -o "$work/last.time" "$@" || status=$?
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/last.time" >>"$times"
  return "$status"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
max() { sort -g | tail -1; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $segments segments, 100 questions, maxTokens $max_tokens"
for shards in 1 2 4; do
  dir="$work/n$shards"
  mkdir -p "$dir"
  for i in $(seq 1 "$shards"); do
    times="$dir/embed-$i.times"
    REGRESSIONGATE_CACHE="$dir/runner-$i/cache" timed dotnet "$cli" embed --golden "$work/golden" --shard "$i/$shards" --out "$dir/embeddings/$i" >"$dir/embed-$i.out"
  done
  for i in $(seq 1 "$shards"); do
    times="$dir/gate-$i.times"
    REGRESSIONGATE_CACHE="$dir/runner-$i/cache" timed dotnet "$cli" merge-embeddings "$dir"/embeddings/* --golden "$work/golden" >"$dir/join-$i.out"
    status=0
    REGRESSIONGATE_CACHE="$dir/runner-$i/cache" timed dotnet "$cli" run --golden "$work/golden" --shard "$i/$shards" --out "$dir/parts/$i" >"$dir/run-$i.out" || status=$?
    [ "$status" -le 1 ] || { cat "$dir/run-$i.out"; exit 1; }
  done
  times="$dir/merge.times"
  status=0
  # The first merge writes the verified snapshots (a new set has none); later runs gate against them.
  REGRESSIONGATE_AUTO_APPROVE=$([ "$shards" -eq 1 ] && echo 1 || echo 0) timed dotnet "$cli" merge "$dir"/parts/* --golden "$work/golden" --out "$dir/merged" >"$dir/merge.out" || status=$?
  # Per shard: embed (wall, cpu), then join + run summed.
  embed=$(for f in "$dir"/embed-*.times; do cat "$f"; done)
  gate=$(for f in "$dir"/gate-*.times; do awk '{w += $1; c += $2} END {print w, c}' "$f"; done)
  column() { awk -v c="$1" '{print $c}'; }
  printf '%d shard(s): embed wall per shard median %.1f s, slowest %.1f s (cpu median %.1f s); join+run wall median %.1f s, slowest %.1f s (cpu median %.1f s); merge wall %s s, cpu %s s (exit %d); matrix wall (slowest embed + slowest gate + merge) %.1f s; %s\n' \
    "$shards" "$(column 1 <<<"$embed" | median)" "$(column 1 <<<"$embed" | max)" "$(column 2 <<<"$embed" | median)" \
    "$(column 1 <<<"$gate" | median)" "$(column 1 <<<"$gate" | max)" "$(column 2 <<<"$gate" | median)" \
    "$(column 1 <"$dir/merge.times")" "$(column 2 <"$dir/merge.times")" "$status" \
    "$(echo "$(column 1 <<<"$embed" | max) + $(column 1 <<<"$gate" | max) + $(column 1 <"$dir/merge.times")" | bc)" \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
done

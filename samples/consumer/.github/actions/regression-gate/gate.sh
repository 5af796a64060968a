#!/usr/bin/env bash
# The RegressionGate action's step: install the tool, run the gate, append the report to the job summary.
# Its inputs come from the environment (REGRESSIONGATE_ACTION_*), so it runs the same outside GitHub, as the
# repository's own checks run it. Exit code: the gate's (0 passed, 1 failed, 2 bad input).
set -euo pipefail

golden="${REGRESSIONGATE_ACTION_GOLDEN:-golden}"
out="${REGRESSIONGATE_ACTION_OUT:-artifacts/gate}"
version="${REGRESSIONGATE_ACTION_VERSION:-}"
source="${REGRESSIONGATE_ACTION_SOURCE:-}"
llm="${REGRESSIONGATE_ACTION_LLM:-}"

source_args=()
if [ -n "$source" ]; then source_args=(--add-source "$source"); fi

if [ -n "$version" ]; then
  # A tool path of the job's own, so nothing installed globally on the runner is touched or used.
  tool_path="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/regression-gate-tool"
  dotnet tool update RegressionGate.Cli --tool-path "$tool_path" --version "$version" ${source_args[@]+"${source_args[@]}"} >&2
  gate=("$tool_path/regression-gate")
else
  dotnet tool restore ${source_args[@]+"${source_args[@]}"} >&2
  gate=(dotnet regression-gate)
fi

run_args=(run --golden "$golden" --out "$out")
if [ -n "$llm" ]; then run_args+=(--llm "$llm"); fi

report="$out/gate-report.md"
# A report left by an earlier run must not stand in for this one's.
rm -f "$report"

status=0
"${gate[@]}" "${run_args[@]}" || status=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -f "$report" ]; then
    cat "$report" >>"$GITHUB_STEP_SUMMARY"
  else
    echo "RegressionGate wrote no report (exit code $status): see the step's log." >>"$GITHUB_STEP_SUMMARY"
  fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  passed=false
  if [ "$status" -eq 0 ]; then passed=true; fi
  {
    echo "passed=$passed"
    echo "report=$report"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"

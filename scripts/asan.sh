#!/usr/bin/env bash
# Renders every sample in every view and split mode, and a generated 40-VPC, 2-region account
# (default render and --split always), and the reproducers in Fuzzing/crashes, with a vpcgraph
# built with AddressSanitizer. Fails on any ASan report, any signal, and any render of these valid
# inputs that does not exit 0.
# Usage: asan.sh VPCGRAPH [REPORT_DIR]   (the full stderr of each failure is kept in REPORT_DIR)
set -uo pipefail
exe=$1 reports=${2:-.build-asan/reports}
mkdir -p "$reports"
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/generate-topology.py" 40 2 >"$work/generated-40x2.yaml"
failures=0 runs=0
render() { # name, input, arguments...
  local name=$1 input=$2
  shift 2
  runs=$((runs + 1))
  local out="$work/out-$runs"
  SWIFT_BACKTRACE=enable=no NO_COLOR=1 ASAN_OPTIONS=detect_leaks=0:halt_on_error=1:exitcode=86:abort_on_error=0 \
    "$exe" render "$input" -o "$out" --format dot,svg,md "$@" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  local allowed=0
  [ "${diagnostics_allowed:-0}" = 1 ] && [ $rc -eq 1 ] && grep -q ': error: ' "$work/stderr" && allowed=1
  if { [ $rc -ne 0 ] && [ $allowed = 0 ]; } || grep -q -E 'ERROR: AddressSanitizer|runtime error:|SUMMARY: AddressSanitizer' "$work/stderr"; then
    failures=$((failures + 1))
    local why="exit $rc"
    [ $rc -gt 128 ] && why="signal $((rc - 128))"
    [ $rc -eq 86 ] && why="AddressSanitizer report"
    echo "FAIL: $name $* ($why)"
    grep -m1 -E 'ERROR: AddressSanitizer|runtime error:|error:|double free|Fatal error' "$work/stderr" | sed 's/^/  /'
    { echo "# $name $*"; cat "$work/stderr"; } >"$reports/failure-$runs.txt"
  else
    echo "ok:   $name $* ($( [ $allowed = 1 ] && echo "exit 1 with a diagnostic" || echo "$(find "$out" -type f | wc -l) files"))"
  fi
}
for sample in "$root"/samples/*.yaml; do
  for view in full overview vpc dns; do
    for split in auto always never; do
      render "$(basename "$sample")" "$sample" --view "$view" --split "$split"
    done
  done
done
# What the fuzzers found (Fuzzing/crashes): a double free there may pass under glibc, not here.
for reproducer in "$root"/Fuzzing/crashes/*.yaml; do
  [ -f "$reproducer" ] || continue
  # A reproducer may fail with a diagnostic (exit 1); only an ASan report or a signal fails here.
  for view in full overview; do diagnostics_allowed=1 render "crashes/$(basename "$reproducer")" "$reproducer" --view "$view" --split always; done
done
render generated-40x2.yaml "$work/generated-40x2.yaml"
render generated-40x2.yaml "$work/generated-40x2.yaml" --split always
echo "asan: $runs renders, $failures failed$([ $failures -gt 0 ] && echo " (reports in $reports)")"
[ $failures -eq 0 ]

#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS, one after another, and prints one line per harness.
# Usage: fuzz.sh BIN_DIR SECONDS OUT_DIR [HARNESS...]
# For each harness H: Fuzzing/corpus/H is the committed seed corpus (read only), OUT_DIR/H/corpus
# the corpus it grows, OUT_DIR/H/crashes the crash, timeout and OOM inputs, OUT_DIR/H/log the log.
# libFuzzer runs in fork mode so that a crash is recorded and fuzzing goes on; exit 1 if any
# harness crashed (or did not run). Fuzzing/dict/H.dict, when there is one, is passed as -dict.
set -uo pipefail
bin=$1 seconds=$2 out=$3
shift 3
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(topology snapshot render)
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
summary=()
for h in "${harnesses[@]}"; do
  dir="$out/$h"
  mkdir -p "$dir/corpus" "$dir/crashes"
  dict=()
  [ -f "$root/Fuzzing/dict/$h.dict" ] && dict=(-dict="$root/Fuzzing/dict/$h.dict")
  # Swift's own backtracer would catch the signals first; leaks are not findings here (Graphviz and
  # Foundation keep caches for the life of the process).
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$bin/fuzz-$h" "$dir/corpus" "$root/Fuzzing/corpus/$h" \
      -max_total_time="$seconds" -detect_leaks=0 -timeout=60 -rss_limit_mb=3072 \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -artifact_prefix="$dir/crashes/" "${dict[@]}" >"$dir/log" 2>&1
  rc=$?
  # Fork mode prints "#EXECS: cov: ... oom/timeout/crash: O/T/C time: ...".
  last=$(grep -E '^#[0-9]+: cov:' "$dir/log" | tail -1)
  execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
  # How many coverage counters the binary has: a few thousand means only the C code (Yams' parser,
  # the shim) is instrumented and the fuzzer is blind in the Swift code.
  counters=$(sed -nE 's/.*Loaded 1 modules +\(([0-9]+) inline 8-bit counters.*/\1/p' "$dir/log" | head -1)
  crashes=$(find "$dir/crashes" -name 'crash-*' | wc -l)
  timeouts=$(find "$dir/crashes" -name 'timeout-*' | wc -l)
  ooms=$(find "$dir/crashes" -name 'oom-*' | wc -l)
  line="fuzz-$h: ${execs:-0} executions in ${seconds}s, coverage ${cov:-?} of ${counters:-?} counters, corpus $(find "$dir/corpus" -type f | wc -l) inputs, crashes $crashes, timeouts $timeouts, ooms $ooms (exit $rc; log $dir/log)"
  echo "$line"
  summary+=("$line")
  if [ "${counters:-0}" -lt 10000 ]; then echo "fuzz-$h: only ${counters:-0} coverage counters: is the Swift code built with -sanitize=fuzzer?"; status=1; fi
  if [ -z "$last" ] || [ "$crashes" -gt 0 ] || [ "$timeouts" -gt 0 ] || [ "$ooms" -gt 0 ]; then status=1; fi
done
echo "--- fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status

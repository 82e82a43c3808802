#!/usr/bin/env bash
# vpcgraph render --check for CI: runs `vpcgraph render <arguments> --check`, prints what it printed,
# and, on GitHub Actions (GITHUB_ACTIONS=true, or --annotations), one workflow annotation per stale,
# missing or extra file and per diagnostic. Exits with vpcgraph's status (1: something is stale).
# Usage: scripts/ci-check.sh [--annotations] <render arguments…>
set -uo pipefail
annotate=${GITHUB_ACTIONS:-false}
if [[ ${1:-} == --annotations ]]; then annotate=true; shift; fi
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"${VPCGRAPH:-vpcgraph}" render "$@" --check >"$out" 2>"$err"
status=$?
cat "$out"
cat "$err" >&2
if [[ $annotate == true ]]; then
  # Annotation values escape %, CR and LF (GitHub's workflow command syntax).
  escape() { local s=${1//%/%25}; s=${s//$'\r'/%0D}; printf '%s' "${s//$'\n'/%0A}"; }
  hint=$(grep "^run '" "$out" | head -n 1)
  while IFS= read -r line; do
    case $line in
      stale:\ *|missing:\ *|extra:\ *)
        kind=${line%%:*} file=${line#*: }
        echo "::error file=$(escape "$file"),title=vpcgraph: $kind file::$(escape "$file is $kind; ${hint:-run vpcgraph render}")" ;;
    esac
  done <"$out"
  re='^(.+):([0-9]+):([0-9]+): (error|warning): (.*)$'
  while IFS= read -r line; do
    if [[ $line =~ $re ]]; then
      echo "::${BASH_REMATCH[4]} file=$(escape "${BASH_REMATCH[1]}"),line=${BASH_REMATCH[2]},col=${BASH_REMATCH[3]}::$(escape "${BASH_REMATCH[5]}")"
    fi
  done <"$err"
fi
exit $status

#!/usr/bin/env bash
# make bench: figures side by side with a reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/bench.py "${1:-.build/release/vpcgraph}"
# Import of a generated AWS CLI snapshot (200 VPCs / 2,400 subnets / 800 endpoints): time and peak memory.
scripts/bench-import.sh "${1:-.build/release/vpcgraph}"

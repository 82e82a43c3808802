#!/usr/bin/env bash
# Import benchmark: `vpcgraph import aws` on a generated snapshot of 200 VPCs / 2,400 subnets /
# 800 endpoints. Prints the median wall time of 5 runs and the peak memory (max RSS) of the import.
# Target: under 1 s and under 200 MB. Usage: scripts/bench-import.sh [VPCGRAPH_BINARY] [VPC_COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(realpath "${1:-.build/release/vpcgraph}")"
count="${2:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-aws-snapshot.py "$count" "$work/snapshot"
python3 - "$binary" "$work" "$count" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
binary, work, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
snapshot = os.path.join(work, "snapshot")
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(snapshot) for f in fs)
times, peaks = [], []
for run in range(5):
    out = os.path.join(work, f"topology-{run}.yaml")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([binary, "import", "aws", snapshot, "-o", out], check=True, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
    peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB, the largest child so far
yaml = open(os.path.join(work, "topology-0.yaml")).read()
assert all(open(os.path.join(work, f"topology-{r}.yaml")).read() == yaml for r in range(5)), "import output differs between runs"
print(f"import aws: {count} VPCs, {count * 12} subnets, {count * 4} endpoints; snapshot {size / 1e6:.1f} MB of JSON, YAML {len(yaml) / 1e6:.1f} MB")
print(f"  wall time median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}); peak memory {max(peaks) / 1024:.0f} MB")
print("  (target: < 1 s and < 200 MB)")
PY

#!/usr/bin/env python3
"""make bench: vpcgraph next to a reference measured in the same run, on generated topologies.
Prints a table; exits 0 (figures are for reading, not a pass/fail gate)."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from importlib import import_module  # noqa: E402

generate = import_module("generate-topology").generate


def wall(command, runs=3, clean=None, **kwargs):
    """Median wall time of `runs` runs, in seconds. `clean`: a folder removed before each run (a render
    into a folder that holds its outputs already is a no-op and would measure nothing)."""
    times = []
    for _ in range(runs):
        if clean:
            shutil.rmtree(clean, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/vpcgraph")
    work = tempfile.mkdtemp(prefix="vpcgraph-bench-")
    print("render: vpcgraph render (parse, check, DOT, in-process layout, SVG) vs dot -Tsvg on the DOT vpcgraph wrote")
    print("        wall and CPU (user+sys) seconds are medians of 5 runs; instructions are counted by valgrind's")
    print("        callgrind, which does not depend on what else the machine is doing")
    print(f"{'VPCs':>5} {'subnets':>8} {'nodes':>6} {'edges':>6} {'wall s':>7} {'dot s':>7} {'ratio':>6} "
          f"{'CPU s':>7} {'dot s':>7} {'ratio':>6} {'instr. M':>9} {'dot M':>8} {'ratio':>6}")
    for count in (1, 10, 50):
        source = os.path.join(work, f"gen-{count}.yaml")
        with open(source, "w") as f:
            f.write(generate(count))
        out = os.path.join(work, f"out-{count}")
        # One diagram, as dot draws it (50 VPCs would otherwise split into an overview and one per VPC).
        command = [binary, "render", source, "-o", out, "--format", "dot,svg", "--split", "never", "--jobs", "1"]
        ours = [measured(command, clean=out) for _ in range(5)]
        dot_file = os.path.join(out, f"gen-{count}.dot")
        with open(dot_file) as f:
            lines = f.read().splitlines()
        node_count = sum(1 for l in lines if l.lstrip().startswith('"') and " -> " not in l)
        edge_count = sum(1 for l in lines if " -> " in l)
        reference = [measured(["dot", "-Tsvg", dot_file, "-o", os.devnull]) for _ in range(5)]
        w, rw = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in reference)
        c, rc = statistics.median(r[2] for r in ours), statistics.median(r[2] for r in reference)
        row = f"{count:>5} {count * 12:>8} {node_count:>6} {edge_count:>6} {w:>7.3f} {rw:>7.3f} {w / rw:>6.2f} {c:>7.3f} {rc:>7.3f} {c / rc:>6.2f}"
        if count <= 10 and shutil.which("valgrind"):
            # valgrind 3.19 cannot read the DWARF 5 debug info Swift writes: count a stripped copy.
            stripped = os.path.join(work, "vpcgraph-stripped")
            if not os.path.exists(stripped):
                subprocess.run(["strip", "-o", stripped, binary], check=True)
            i = instructions([stripped] + command[1:], clean=out)
            ri = instructions(["dot", "-Tsvg", dot_file, "-o", os.devnull])
            row += f" {i / 1e6:>9.1f} {ri / 1e6:>8.1f} {i / ri:>6.2f}"
        print(row)
    print("(target: ratio <= 1.15 at every size; instructions at 50 VPCs are not counted: callgrind would take minutes)")
    print()
    per_vpc_layout(binary, work)
    print()
    split(binary, work)
    print()
    markdown(binary, work)
    print()
    regeneration(binary, work)


def per_vpc_layout(binary, work):
    """The 50-VPC topology, one diagram per VPC (--view vpc, dot,svg, --jobs 1): the per-VPC layout of
    issue 9 (subnets as nodes with chips, AZ columns, tier rows) against the layout before it
    (subnets as clusters), which the same binary still draws for this benchmark only when
    VPCGRAPH_BENCH_OLD_VPC_LAYOUT=1."""
    source = os.path.join(work, "gen-50.yaml")
    with open(source, "w") as f:
        f.write(generate(50))
    print("per-VPC layout: 50 VPCs, --view vpc (50 diagrams), dot,svg, --jobs 1: new layout vs the old one")
    print(f"{'':>8} {'wall s':>8} {'clusters':>9} {'widest pt':>10} {'aspect':>7}")
    rows = {}
    for label, env in (("old", {"VPCGRAPH_BENCH_OLD_VPC_LAYOUT": "1"}), ("new", {})):
        out = os.path.join(work, f"pervpc-{label}")
        seconds = wall([binary, "render", source, "-o", out, "--view", "vpc", "--format", "dot,svg", "--jobs", "1"], clean=out,
                       env={**os.environ, **env})
        clusters, widest, aspect = 0, 0.0, 0.0
        for name in sorted(os.listdir(out)):
            path = os.path.join(out, name)
            if name.endswith(".dot"):
                with open(path) as f:
                    clusters += sum(1 for l in f if l.lstrip().startswith('subgraph "cluster'))
            elif name.endswith(".svg"):
                with open(path) as f:
                    head = f.read(400)
                w, h = (float(x) for x in head.split('viewBox="')[1].split('"')[0].split()[2:4])
                widest, aspect = max(widest, w), max(aspect, w / h)
        rows[label] = seconds
        print(f"{label:>8} {seconds:>8.3f} {clusters:>9} {widest:>10.0f} {aspect:>7.2f}")
    print(f"(median of 3 runs; the new layout takes {rows['new'] / rows['old'] * 100:.0f}% of the old one's time)")


def measured(command, clean=None):
    """Wall time (s), peak RSS (MB) and CPU time (user+sys, s) of one run; the RSS is the largest of
    the process and the workers it waited for, the CPU time theirs summed."""
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0 and os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed: {status}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def instructions(command, clean=None):
    """Instructions the command executed, counted by callgrind (children not traced)."""
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    with tempfile.NamedTemporaryFile(prefix="callgrind-") as out:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}"] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip().replace(",", ""))
    raise SystemExit(f"callgrind printed no count for {command}")


def regeneration(binary, work):
    """200 VPCs, one diagram per VPC, all formats but PNG: cold render with --jobs 1 and 2, no-op
    render and --check of the unchanged folder."""
    source = os.path.join(work, "gen-200.yaml")
    with open(source, "w") as f:
        f.write(generate(200))
    out = os.path.join(work, "regen")
    base = [binary, "render", source, "-o", out, "--view", "vpc"]
    variants = (("cold --jobs 1", ["--jobs", "1"], True), ("cold --jobs 2", ["--jobs", "2"], True),
                ("no-op render", [], False), ("--check, current", ["--check"], False))
    runs = {label: [] for label, _, _ in variants}
    # Interleaved (1, 2, no-op, check, 1, 2, ...): a load that comes and goes during the run falls on
    # every variant alike instead of on whichever ran then.
    for _ in range(5):
        for label, extra, clean in variants:
            if clean:
                shutil.rmtree(out, ignore_errors=True)
            runs[label].append(measured(base + extra))
    rows = [(label, statistics.median(r[0] for r in runs[label]), max(r[1] for r in runs[label])) for label, _, _ in variants]
    print("regeneration: 200 VPCs, --view vpc (401 files), dot,svg,md")
    print(f"{'':>18} {'wall s':>8} {'peak MB':>8} {'vs cold --jobs 1':>17}")
    for label, seconds, peak in rows:
        print(f"{label:>18} {seconds:>8.3f} {peak:>8.0f} {seconds / rows[0][1]:>17.2f}")
    print("(median of 5 interleaved runs; targets: --jobs 2 <= 0.6x, no-op <= 0.3 s, --check <= 0.5 s, peak <= 300 MB)")


def split(binary, work):
    """The 50-VPC topology as one diagram (--split never) and split (the default past 8 VPCs:
    an overview plus one diagram per VPC): wall time, files, sizes."""
    source = os.path.join(work, "gen-50.yaml")
    print("split: the 50-VPC topology as one SVG vs an overview + one SVG per VPC (vpcgraph render --format svg)")
    print(f"{'':>8} {'files':>6} {'wall s':>8} {'largest SVG, pt':>18} {'total KB':>9}")
    rows = {}
    for label, extra in (("unsplit", ["--split", "never"]), ("split", [])):
        out = os.path.join(work, f"split-{label}")
        seconds = wall([binary, "render", source, "-o", out, "--format", "svg"] + extra, clean=out)
        files = [os.path.join(out, f) for f in sorted(os.listdir(out)) if f.endswith(".svg")]
        largest = (0.0, 0.0)
        for path in files:
            with open(path) as f:
                head = f.read(400)
            try:
                w = float(head.split('width="')[1].split("pt")[0])
                h = float(head.split('height="')[1].split("pt")[0])
            except (IndexError, ValueError):
                continue
            if w * h > largest[0] * largest[1]:
                largest = (w, h)
        total = sum(os.path.getsize(p) for p in files) / 1024
        rows[label] = seconds
        print(f"{label:>8} {len(files):>6} {seconds:>8.3f} {f'{largest[0]:.0f} x {largest[1]:.0f}':>18} {total:>9.0f}")
    print(f"(median of 3 runs; split takes {rows['split'] / rows['unsplit'] * 100:.1f}% of the unsplit time; target: less than 100%)")


def markdown(binary, work):
    """Markdown for the 50-VPC topology next to its SVG render as vpcgraph does it by default (split
    into an overview and one diagram per VPC, the fastest SVG render), timed inside one process."""
    source = os.path.join(work, "gen-50.yaml")
    runs = []
    for _ in range(3):
        shutil.rmtree(os.path.join(work, "md"), ignore_errors=True)
        # --jobs 1: with workers, layout overlaps the DOT building and the "svg" stage is only the wait for them.
        result = subprocess.run([binary, "render", "--timings", "--jobs", "1", "--format", "dot,svg,md", source, "-o", os.path.join(work, "md")],
                                check=True, capture_output=True, text=True)
        stages = {}
        for line in result.stderr.splitlines():
            parts = line.split()
            if len(parts) >= 4 and parts[0] == "timing:":
                stages[parts[2]] = stages.get(parts[2], 0.0) + float(parts[3])
        runs.append(stages)
    md = statistics.median(r["md"] for r in runs)
    svg = statistics.median(r["svg"] for r in runs)
    print("markdown: renderMarkdown vs layout + SVG (default split) for the 50-VPC topology, in one process")
    print(f"{'md s':>8} {'svg s':>8} {'md/svg':>7}")
    print(f"{md:>8.3f} {svg:>8.3f} {md / svg * 100:>6.1f}%")
    print("(median of 3 runs; target: under 5%)")


if __name__ == "__main__":
    main()

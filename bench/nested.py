"""bench/nested.py: synth time of the nested example (examples/nested: 5 templates, 540
resources, a folder-code function) in infra, troposphere and AWS CDK, on one machine.

Each run is a whole process writing into a fresh folder (never out/): infra's release build of
`nested-example synth --root <copy>` (which hashes the code folder), bench/troposphere/nested.py
(which hashes it the same way) and bench/cdk/nested.py (CDK stages the folder as an asset).
Medians of interleaved runs. Uses bench/.venv-bench (bench/run creates it).

    python3 bench/nested.py [--runs 11] [--py-runs 5] [--cdk-runs 3] [--skip cdk]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = os.path.join(REPO, "bench", ".venv-bench", "bin", "python")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import RELEASE, RELEASE_FLAGS  # noqa: E402  the build bench/run times

RESOURCES = 540


def timed(command, cwd=REPO):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--py-runs", type=int, default=5)
    parser.add_argument("--cdk-runs", type=int, default=3)
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    print("building nested-example (release)...", file=sys.stderr, flush=True)
    subprocess.run(["swift", "build"] + RELEASE_FLAGS + ["--product", "nested-example", "--scratch-path", RELEASE],
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, RELEASE, "release", "nested-example")
    work = tempfile.mkdtemp(prefix="bench-nested-")
    shutil.copytree(os.path.join(REPO, "examples", "nested", "templates"), os.path.join(work, "examples", "nested", "templates"))
    out = os.path.join(work, "examples", "nested", "out")

    def infra():
        shutil.rmtree(out, ignore_errors=True)
        return timed([binary, "synth", "--root", work])

    def troposphere():
        target = os.path.join(work, "tropo-out")
        shutil.rmtree(target, ignore_errors=True)
        return timed([PYTHON, os.path.join(REPO, "bench", "troposphere", "nested.py"), "--root", REPO, "--out", target])

    def cdk():
        target = os.path.join(work, "cdk-out")
        shutil.rmtree(target, ignore_errors=True)
        return timed([PYTHON, os.path.join(REPO, "bench", "cdk", "nested.py"), "--root", REPO, "--out", target])

    tools = [("infra", infra, args.runs), ("troposphere", troposphere, args.py_runs), ("CDK", cdk, args.cdk_runs)]
    tools = [t for t in tools if t[0].lower() not in skip]
    times = {name: [] for name, _, _ in tools}
    for round_ in range(max(runs for _, _, runs in tools)):
        for name, run, runs in tools:
            if round_ < runs:
                times[name].append(run())
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["infra"]
    print("| stack | resources | infra | troposphere | CDK | infra : troposphere : CDK |")
    print("|---|--:|--:|--:|--:|--:|")
    cells = [f"{medians[n] * 1000:,.1f} ms" if n in medians else "-" for n in ("infra", "troposphere", "CDK")]
    ratio = " : ".join(f"{medians[n] / base:.0f}" if n in medians else "-" for n in ("infra", "troposphere", "CDK"))
    print(f"| nested example (5 templates) | {RESOURCES} | {' | '.join(cells)} | {ratio} |")
    print(f"runs: {', '.join(f'{n} {len(v)}' for n, v in times.items())}", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

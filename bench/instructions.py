"""bench/instructions.py: instruction counts of infra's synth, which repeat exactly on a noisy
machine (wall times do not), from `valgrind --tool=callgrind` on the release build bench/run
times (the README's fast build: bench.py RELEASE_FLAGS).

    python3 bench/instructions.py            # prints the counts
    python3 bench/instructions.py --before BIN_DIR   # and of another build's infra and synth-bench

Counted: `infra --help` (start-up and argument parsing alone), `infra synth --env prod` of the
Cruddur app into a project whose out/ is already up to date, `synth-bench --copies N synth`
for N = 10 and 100 (5 resources a copy), whose difference over the 450 resources between them
is the cost per resource, what libyaml's emitter alone spends per resource writing those same
templates' events again (bench/yaml/libyaml_floor.c: the floor under any emission through
libyaml), and `infra diff` of N = 100's 460 KB template against a copy of it
with every batch size changed (two templates of that size read, compared and reported).
`bench/run` runs it as its `instructions` part. The binaries are copied and stripped of debug information first:
valgrind 3.19 cannot read the DWARF the toolchain writes for the C target. Not part of the
tests; needs valgrind (apt-get install valgrind).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import REPO, bench_project, build_release, log  # noqa: E402


def instructions(command, cwd, tmp):
    """The instructions one whole-process run executes (callgrind's `Collected`)."""
    out = os.path.join(tmp, "callgrind.out")
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode not in (0, 1) or not match:
        sys.exit(f"instructions: `{' '.join(command)}` failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return int(match.group(1))


def libyaml_floor(template, tmp):
    """The instructions libyaml's emitter alone spends writing `template`'s events again
    (bench/yaml/libyaml_floor.c); None without a C compiler."""
    program = os.path.join(tmp, "libyaml-floor")
    if not os.path.exists(program):
        compiler = shutil.which("cc") or shutil.which("gcc")
        if compiler is None:
            return None
        subprocess.run([compiler, "-O2", os.path.join(REPO, "bench", "yaml", "libyaml_floor.c"), "-lyaml", "-o", program],
                       check=True)
    out = os.path.join(tmp, "floor.callgrind")
    result = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=emit_events",
                             f"--callgrind-out-file={out}", program, template],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or not match:
        sys.exit(f"instructions: libyaml_floor failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return int(match.group(1))


def stripped(binary, tmp, label):
    copy = os.path.join(tmp, label + "-" + os.path.basename(binary))
    shutil.copyfile(binary, copy)
    os.chmod(copy, 0o755)
    subprocess.run(["strip", "-g", copy], check=True)
    return copy


def counts(infra, synth_bench, tmp, label):
    infra, synth_bench = stripped(infra, tmp, label), stripped(synth_bench, tmp, label)
    project = bench_project(tmp)
    shutil.rmtree(os.path.join(project, "out"), ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "out"), os.path.join(project, "out"))
    result = {
        "infra --help": instructions([infra, "--help"], project, tmp),
        "Cruddur synth (prod)": instructions([infra, "synth", "--env", "prod", "--root", project], project, tmp),
    }
    floor = {}
    for n in (10, 100):
        shutil.rmtree(os.path.join(project, "bench-out"), ignore_errors=True)
        result[f"N = {n}"] = instructions([synth_bench, "--copies", str(n), "synth", "--root", project, "--out", "bench-out"],
                                          project, tmp)
        floor[n] = libyaml_floor(os.path.join(project, "bench-out", "synth-bench.yaml"), tmp)
    result["per resource (N = 10 to 100)"] = (result["N = 100"] - result["N = 10"]) // 450
    if floor[10] is not None:
        result["libyaml's emitter alone, per resource (the floor)"] = (floor[100] - floor[10]) // 450
    template = os.path.join(project, "bench-out", "synth-bench.yaml")
    with open(template, encoding="utf-8") as f:
        changed = f.read().replace("BatchSize: 1\n", "BatchSize: 2\n")
    against = os.path.join(tmp, "against.yaml")
    with open(against, "w", encoding="utf-8") as f:
        f.write(changed)
    result["diff, two 460 KB templates"] = instructions(
        [synth_bench, "--copies", "100", "diff", "--root", project, "--stack", "synth-bench", "--against", against], project, tmp)
    return result


def main():
    parser = argparse.ArgumentParser(prog="bench/instructions.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", help="a folder with another build's infra and synth-bench, counted too")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instructions: valgrind is not installed (apt-get install valgrind)")
    infra, synth_bench = build_release()
    with tempfile.TemporaryDirectory(prefix="infra-instructions-") as tmp:
        log("== instruction counts (valgrind --tool=callgrind), this build")
        now = counts(infra, synth_bench, tmp, "now")
        before = None
        if args.before:
            log("== instruction counts, " + args.before)
            before = counts(os.path.join(args.before, "infra"), os.path.join(args.before, "synth-bench"), tmp, "before")
    print("| run | instructions |" + (" before |" if before else ""))
    print("|---|--:|" + ("--:|" if before else ""))
    for name, value in now.items():
        print(f"| {name} | {value:,} |" + (f" {before[name]:,} |" if before else ""))


if __name__ == "__main__":
    main()

"""bench/run: how fast `infra synth` is, against troposphere and AWS CDK, on one machine.

Not part of the test suite: it measures and reports; it fails only when something it runs
fails (a synth, a faithfulness check, a build). Stdlib only; troposphere and CDK run in
bench/.venv-bench, which it creates from bench/requirements.txt.

What it measures (each synth is a whole process into a fresh temp --out dir, so out/ is never
touched; wall time and CPU time from wait4(2), peak RSS from `/usr/bin/time -f %M`; medians of
runs interleaved across the stacks, so that bursts of other work on the machine spread out):
  - synth of the Cruddur app (`infra synth --env prod`) and of generated stacks of N copies
    (`synth-bench --copies N synth`), with the same stacks in troposphere and CDK;
  - a clean `swift build` of the package, debug and release, in fresh scratch paths;
  - YAML emit/parse throughput against PyYAML's C path (bench/yaml/run.sh);
  - `infra diff` of two 460 KB templates (part `diff`: N = 100's, synthesized in the process,
    against a copy with every batch size changed);
  - `infra diff --against` on hostile input (part `hostile`: the acceptance suite's corpus,
    acceptance/hostile_inputs.py), each run under 8 GiB of address space and 120 s; with
    `--hostile-before BINARY` also an earlier build of infra, for before/after figures.

Usage: bench/run [--skip cdk,troposphere,diff,build,yaml,hostile,instructions] [--copies 1,10,50,80,100]
                 [--runs 21] [--py-runs 5] [--cdk-runs 3] [--hostile-before BINARY] [--record]
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(REPO, "bench")
VENV = os.path.join(BENCH, ".venv-bench")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
RELEASE = ".build-bench-static"
# The release build the README tells users to run for speed (bench/PROFILE.md, issue 17):
# - Linux: a static executable (`-static-executable`: the Swift libraries, libstdc++, libyaml
#   and the C library linked in), so no dynamic loader runs at each start: no relocating and
#   symbol look-ups in libstdc++ and libc, and no 35,000 exported symbols for the runtime's
#   dladdr to scan (`--static-swift-stdlib` alone exports every symbol). macOS has neither.
# - Generic types the code names are instantiated through their metadata accessors, not by
#   demangling their names at run time, which also searched every protocol conformance record
#   of the binary for each generic requirement (`-disable-concrete-type-metadata-mangled-name-accessors`).
LINUX_STATIC_FLAGS = ["--static-swift-stdlib", "-Xswiftc", "-static-executable"]
METADATA_ACCESSOR_FLAGS = ["-Xswiftc", "-Xfrontend", "-Xswiftc", "-disable-concrete-type-metadata-mangled-name-accessors"]
RELEASE_FLAGS = ["-c", "release"] + (LINUX_STATIC_FLAGS if sys.platform.startswith("linux") else []) + METADATA_ACCESSOR_FLAGS
BODY_QUOTA = 51_200
RESOURCES_PER_COPY = 5  # table, log group, role, function, event-source mapping
PARTS = ("synth", "troposphere", "cdk", "diff", "build", "yaml", "hostile", "instructions")

# jsii prints a node-version banner on every start; children's stderr is shown only on failure.
CHILD_ENV = dict(os.environ)


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_quiet(command, cwd=REPO, env=None):
    """Runs a setup command, showing its output only if it fails."""
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: `{' '.join(command)}` failed ({result.returncode}):\n{result.stdout[-4000:]}")
    return result.stdout


def measure(command, out_dir, env=CHILD_ENV):
    """One whole-process run: (wall s, CPU s, max RSS KiB, exit code, stderr)."""
    shutil.rmtree(out_dir, ignore_errors=True)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # wait4's rusage covers the child and the children it waited for (CDK's node process).
    # Its ru_maxrss is not used: Linux carries the forking Python's peak across exec, so no
    # child would show less than ~23 MiB. `peak_rss` measures that apart.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode, stderr


def peak_rss(command, out_dir, env=CHILD_ENV):
    """Peak RSS in KiB of the command and its children, forked by GNU time (a small C program,
    so its own size does not pollute the figure), as `/usr/bin/time -f %M` reports it."""
    shutil.rmtree(out_dir, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command], cwd=REPO, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(report.read().split()[-1])


class Sample:
    """Medians of several runs of one command."""

    def __init__(self, label):
        self.label = label
        self.walls, self.cpus, self.rss = [], [], []

    def add(self, wall, cpu, maxrss):
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.rss.append(maxrss)

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def cpu(self):
        return statistics.median(self.cpus)

    @property
    def rss_mib(self):
        return statistics.median(self.rss) / 1024

    def summary(self):
        return (f"   {self.label:<40} {self.wall * 1000:9.1f} ms wall (min {min(self.walls) * 1000:.1f}, max {max(self.walls) * 1000:.1f}), "
                f"{self.cpu * 1000:.1f} ms CPU, {self.rss_mib:.1f} MiB, {len(self.walls)} runs")


def interleaved(jobs, runs, warmup, out_dir):
    """Times every (label, command, expected exit) job `runs` times, round-robin (job 1, job 2,
    ..., job 1, ...), after `warmup` unrecorded rounds, so that a burst of load from other work
    on the machine lands on all of them instead of on one job's block of runs."""
    samples = [Sample(label) for label, _, _ in jobs]
    for round_index in range(warmup + runs):
        for sample, (label, command, expect) in zip(samples, jobs):
            wall, cpu, maxrss, code, stderr = measure(command, out_dir)
            if code != expect:
                sys.exit(f"bench: {label}: `{' '.join(command)}` exited {code} (expected {expect}):\n{stderr[-3000:]}")
            if round_index >= warmup:
                sample.add(wall, cpu, maxrss)
    # Peak memory from a few separate runs under GNU time (see `peak_rss`).
    for sample, (label, command, expect) in zip(samples, jobs):
        sample.rss = [peak_rss(command, out_dir) for _ in range(3)]
    for sample in samples:
        log(sample.summary())
    return samples


# ---------------------------------------------------------------- setup


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
        "cpu": model,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "swift": next((l for l in swift if "Swift version" in l), "?"),
        "python": platform.python_version(),
        "node": node,
        "load_at_start": os.getloadavg(),
    }


def build_release():
    log("== release build of infra and synth-bench (" + " ".join(RELEASE_FLAGS) + ", " + RELEASE + ", not timed)")
    for product in ("infra", "synth-bench"):
        run_quiet(["swift", "build"] + RELEASE_FLAGS + ["--scratch-path", RELEASE, "--product", product])
    bin_path = run_quiet(["swift", "build"] + RELEASE_FLAGS + ["--scratch-path", RELEASE, "--show-bin-path"]).strip().splitlines()[-1]
    return os.path.join(bin_path, "infra"), os.path.join(bin_path, "synth-bench")


def ensure_venv():
    """bench/.venv-bench with the pinned requirements; reinstalled when they change."""
    requirements = os.path.join(BENCH, "requirements.txt")
    with open(requirements, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(VENV, ".requirements.sha256")
    if os.path.exists(stamp) and open(stamp).read().strip() == digest:
        return
    log("== creating bench/.venv-bench (troposphere, aws-cdk-lib, constructs from PyPI)")
    if not os.path.exists(VENV_PYTHON):
        run_quiet([sys.executable, "-m", "venv", VENV])
    run_quiet([VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements])
    with open(stamp, "w") as f:
        f.write(digest + "\n")


def versions():
    code = ("import importlib.metadata as m; print(' '.join(p + '==' + m.version(p) "
            "for p in ('troposphere', 'aws-cdk-lib', 'constructs', 'jsii')))")
    return run_quiet([VENV_PYTHON, "-c", code]).strip()


# ---------------------------------------------------------------- synth


def resource_count(template_text):
    """Resources in an infra template: the keys indented two spaces under `Resources:`."""
    count, inside = 0, False
    for line in template_text.splitlines():
        if not line.strip():
            continue  # blank lines of a block scalar (inline code)
        if not line.startswith(" "):
            inside = line.startswith("Resources:")
        elif inside and re.match(r"^  [A-Za-z0-9]+:\s*$", line):
            count += 1
    return count


def bench_project(tmp):
    """A project root in the temp dir with what the apps read (the Lambda code of Cruddur and
    of synth-bench's copies): `synth --out` must lie inside the root, so the benchmark's
    output goes to <project>/out and out/ of the repository is never touched."""
    project = os.path.join(tmp, "project")
    if not os.path.isdir(project):
        shutil.copytree(os.path.join(REPO, "templates"), os.path.join(project, "templates"))
        shutil.copytree(os.path.join(BENCH, "synth"), os.path.join(project, "bench", "synth"))
    return project


def subjects(args, infra, synth_bench, tmp):
    """(name, resources, CloudFormation template file, infra command, troposphere command,
    cdk command) per stack."""
    project = bench_project(tmp)
    out = os.path.join(project, "out")
    tropo = [VENV_PYTHON, "bench/troposphere/synth.py"]
    cdk = [VENV_PYTHON, "bench/cdk/synth.py"]
    found = [("Cruddur (cruddur-messaging, prod)", 10, "cruddur-messaging.yaml",
              [infra, "synth", "--env", "prod", "--root", project, "--out", "out"],
              tropo + ["cruddur", "--out", out], cdk + ["cruddur", "--out", out])]
    for n in args.copies:
        copies = ["--copies", str(n)]
        found.append((f"N = {n}", n * RESOURCES_PER_COPY, "synth-bench.yaml",
                      [synth_bench] + copies + ["synth", "--root", project, "--out", "out"],
                      tropo + ["copies"] + copies + ["--out", out], cdk + ["copies"] + copies + ["--out", out]))
    return found, out


def check_faithful(args, infra, synth_bench, tmp):
    """The troposphere and CDK stacks must render the same template as infra's."""
    log("== faithfulness: troposphere and CDK templates against infra's (bench/compare.py)")
    project = bench_project(tmp)
    pairs = [("cruddur", [infra, "synth", "--env", "prod"], "cruddur-messaging"),
             ("copies", [synth_bench, "--copies", "3", "synth"], "synth-bench")]
    results = []
    for stack, infra_command, name in pairs:
        base = os.path.join(project, "faithful-" + stack)
        subprocess.run(infra_command + ["--root", project, "--out", base + "-infra"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        extra = ["--copies", "3"] if stack == "copies" else []
        others = []
        if "troposphere" not in args.skip:
            subprocess.run([VENV_PYTHON, "bench/troposphere/synth.py", stack, *extra, "--out", base + "-tropo"], cwd=REPO, check=True, env=CHILD_ENV)
            others.append(("troposphere", os.path.join(base + "-tropo", name + ".yaml")))
        if "cdk" not in args.skip:
            subprocess.run([VENV_PYTHON, "bench/cdk/synth.py", stack, *extra, "--out", base + "-cdk"], cwd=REPO, check=True, env=CHILD_ENV, stderr=subprocess.DEVNULL)
            others.append(("CDK", os.path.join(base + "-cdk", name + ".template.json")))
        for tool, path in others:
            result = subprocess.run([VENV_PYTHON, "bench/compare.py", os.path.join(base + "-infra", name + ".yaml"), path],
                                    cwd=REPO, capture_output=True, text=True)
            log("   " + tool + ": " + result.stdout.strip().replace("\n", "\n   "))
            results.append((stack, tool, result.returncode == 0))
    return results


def bench_synth(args, infra, synth_bench, tmp):
    found, out = subjects(args, infra, synth_bench, tmp)
    rows = []
    log("== synth: checking what each infra command writes")
    for name, resources, template, infra_command, tropo_command, cdk_command in found:
        row = {"stack": name, "resources": resources, "troposphere_command": tropo_command, "cdk_command": cdk_command}
        # The real CLI; over the body quota it fails (exit 2) and the benchmark-only
        # --allow-large-body run of the same pipeline is the one timed (the refused run too).
        _, _, _, code, stderr = measure(infra_command, out)
        if code == 2 and "bytes in a template body" in stderr:
            row["cli_command"] = infra_command
            infra_command = infra_command[:1] + ["--allow-large-body"] + infra_command[1:]
            row["quota"] = True
            _, _, _, code, stderr = measure(infra_command, out)
        if code != 0:
            sys.exit(f"bench: `{' '.join(infra_command)}` exited {code}:\n{stderr[-3000:]}")
        row["infra_command"] = infra_command
        row["files"] = sorted(os.listdir(out))
        text = open(os.path.join(out, template), encoding="utf-8").read()
        row["bytes"] = len(text.encode("utf-8"))
        counted = resource_count(text)
        if counted != resources:
            sys.exit(f"bench: {name}: expected {resources} resources, the template has {counted}")
        rows.append(row)

    log(f"== synth, infra: {args.runs} rounds after 1 warm-up, interleaved")
    jobs = [(r["stack"] + " infra", r["infra_command"], 0) for r in rows]
    jobs += [(r["stack"] + " infra (CLI, exit 2)", r["cli_command"], 2) for r in rows if r.get("quota")]
    samples = interleaved(jobs, args.runs, 1, out)
    for row, sample in zip(rows, samples):
        row["infra"] = sample
    for row, sample in zip([r for r in rows if r.get("quota")], samples[len(rows):]):
        row["cli_rejected"] = sample
    for tool, runs, warmup in (("troposphere", args.py_runs, 1), ("cdk", args.cdk_runs, 0)):
        if tool in args.skip:
            continue
        log(f"== synth, {tool}: {runs} rounds" + (f" after {warmup} warm-up" if warmup else "") + ", interleaved")
        samples = interleaved([(r["stack"] + " " + tool, r[tool + "_command"], 0) for r in rows], runs, warmup, out)
        for row, sample in zip(rows, samples):
            row[tool] = sample
    return rows


def linearity(rows, measure="wall"):
    """Least-squares fit of infra's time (wall or CPU) against resources over the generated stacks."""
    points = [(r["resources"], getattr(r["infra"], measure)) for r in rows if r["stack"].startswith("N =")]
    if len(points) < 3:
        return None
    xs, ys = zip(*points)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    intercept = my - slope * mx
    ss_res = sum((y - (intercept + slope * x)) ** 2 for x, y in points)
    ss_tot = sum((y - my) ** 2 for y in ys)
    segments = [(x0, x1, (y1 - y0) / (x1 - x0)) for (x0, y0), (x1, y1) in zip(points, points[1:])]
    return {"measure": measure, "slope_s": slope, "intercept_s": intercept,
            "r2": 1 - ss_res / ss_tot if ss_tot else 1.0, "segments": segments}


# ---------------------------------------------------------------- infra diff of two large templates


DIFF_COPIES = 100


def bench_diff(args, synth_bench, tmp):
    """`infra diff` of N = 100's template (synthesized in the same process, as `infra diff`
    does) against a copy of it with every batch size changed: two 460 KB templates read,
    compared and reported, as bench/instructions.py counts it. Median of `--runs` runs."""
    project = bench_project(tmp)
    base = os.path.join(project, "diff-base")
    _, _, _, code, stderr = measure([synth_bench, "--copies", str(DIFF_COPIES), "--allow-large-body", "synth",
                                     "--root", project, "--out", base], base)
    if code != 0:
        sys.exit(f"bench: the diff's template did not synthesize (exit {code}):\n{stderr[-3000:]}")
    with open(os.path.join(base, "synth-bench.yaml"), encoding="utf-8") as f:
        text = f.read()
    changed = text.replace("BatchSize: 1\n", "BatchSize: 2\n")
    if changed == text:
        sys.exit("bench: the diff's template has no `BatchSize: 1` to change")
    against = os.path.join(tmp, "diff-against.yaml")
    with open(against, "w", encoding="utf-8") as f:
        f.write(changed)
    command = [synth_bench, "--copies", str(DIFF_COPIES), "diff", "--root", project, "--stack", "synth-bench", "--against", against]
    scratch = os.path.join(tmp, "diff-scratch")
    _, _, _, expect, stderr = measure(command, scratch)
    if expect not in (0, 1):
        sys.exit(f"bench: `{' '.join(command)}` exited {expect}:\n{stderr[-3000:]}")
    log(f"== infra diff of two {len(text.encode('utf-8')):,}-byte templates: {args.runs} runs after 1 warm-up")
    sample = interleaved([("diff", command, expect)], args.runs, 1, scratch)[0]
    return {"bytes": len(text.encode("utf-8")), "sample": sample}


# ---------------------------------------------------------------- build and YAML


def bench_build():
    results = {}
    for config in ("debug", "release"):
        scratch = os.path.join(REPO, f".build-bench-clean-{config}")
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            log(f"== clean {config} build ({os.path.basename(scratch)}: resolve untimed, then `swift build -c {config}` timed)")
            run_quiet(["swift", "package", "--scratch-path", scratch, "resolve"])
            load = os.getloadavg()[0]
            start = time.perf_counter()
            result = subprocess.run(["swift", "build", "-c", config, "--scratch-path", scratch],
                                    cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            wall = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"bench: clean {config} build failed:\n{result.stdout[-4000:]}")
            results[config] = {"seconds": wall, "load_before": load}
            log(f"   {config}: {wall:.1f} s (1-min load average before: {load:.2f})")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return results


def bench_yaml(args):
    log("== YAML throughput: bench/yaml/run.sh (yaml-bench throughput against PyYAML's C path)")
    command = ["bash", "bench/yaml/run.sh", "--size-mb", str(args.yaml_size_mb), "--runs", str(args.yaml_runs)]
    result = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = result.stdout.splitlines()
    ratio, section = [], ""
    for line in lines:
        log("   " + line)
        if line.startswith("== "):
            section = line[3:].split(" (")[0].split(" ")[0]  # swift, python, ratio
        elif line.startswith(("emit:", "parse:")):
            ratio.append(f"{section:<7}{line}")
    if not ratio:
        sys.exit(f"bench: bench/yaml/run.sh gave no ratio (exit {result.returncode})")
    # run.sh exits 1 when Swift is slower than PyYAML: a result to report, not a failure here.
    return {"lines": ratio, "exit": result.returncode, "command": "bench/yaml/run.sh --size-mb %d --runs %d" % (args.yaml_size_mb, args.yaml_runs)}


# ---------------------------------------------------------------- report


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def ratio(row):
    parts = ["1"]
    for tool in ("troposphere", "cdk"):
        parts.append(f"{row[tool].wall / row['infra'].wall:,.0f}" if tool in row else "-")
    return " : ".join(parts)


def fit_line(fit):
    unit = "wall" if fit["measure"] == "wall" else "CPU"
    return (f"{unit}: {fit['intercept_s'] * 1000:.1f} ms + {fit['slope_s'] * 1e6:.0f} µs × resources, R² = {fit['r2']:.4f}; "
            "marginal cost per resource " + ", ".join(f"{a}→{b}: {s * 1e6:.0f} µs" for a, b, s in fit["segments"]))


# ---------------------------------------------------------------- hostile input to infra diff

HOSTILE_MEMORY = 8 * 1024 ** 3  # bytes of address space, so an unbounded run fails instead of swapping the machine
HOSTILE_TIMEOUT = 120


def timed_run(command, cwd):
    """One run under GNU time with the memory and time caps: (wall s, peak RSS KiB, exit or 'timeout'/'signal N')."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (HOSTILE_MEMORY, HOSTILE_MEMORY))

    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        try:
            result = subprocess.run(["/usr/bin/time", "-f", "%M %x", "-o", report.name, *command], cwd=cwd,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=cap,
                                    timeout=HOSTILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return HOSTILE_TIMEOUT, None, "timeout"
        wall = time.perf_counter() - start
        fields = report.read().split()
    # GNU time writes "Command terminated by signal N" before the figures when the command dies.
    rss = int(fields[-2]) if len(fields) >= 2 and fields[-2].isdigit() else None
    code = result.returncode
    if "signal" in fields:
        code = "signal " + fields[fields.index("signal") + 1]
    return wall, rss, code


def bench_hostile(args, infra, tmp):
    """`infra diff` on each hostile input: median wall time of `--hostile-runs` runs, peak RSS."""
    sys.path.insert(0, REPO)
    from acceptance.hostile_inputs import STACK, cases

    log(f"== infra diff on hostile input ({args.hostile_runs} runs each; caps {HOSTILE_MEMORY >> 30} GiB, {HOSTILE_TIMEOUT} s)")
    binaries = [("infra", infra)] + ([("before", os.path.abspath(args.hostile_before))] if args.hostile_before else [])
    rows = []
    for case in cases(__import__("pathlib").Path(REPO)):
        folder = os.path.join(tmp, "hostile", case.name)
        os.makedirs(folder)
        path = case.write(__import__("pathlib").Path(folder))
        size = os.path.getsize(path) if os.path.isfile(path) and not str(path).startswith("/dev/") else None
        if case.arguments:
            arguments = case.arguments(path)
        elif os.path.isdir(path) or case.name == "get-template-sam-flavor":
            arguments = ["--stack", STACK, "--against", str(path)]
        else:
            # The file as the stack's template in a folder (a link to it), so that an earlier
            # build, which refused any single --against file for a stack with two flavors,
            # reads it too.
            via = os.path.join(folder, "via")
            os.makedirs(via)
            suffix = ".json" if str(path).endswith(".json") else ".yaml"
            os.symlink(path, os.path.join(via, STACK + suffix))
            arguments = ["--stack", STACK, "--against", via]
        row = {"case": case.name, "bytes": size}
        for label, binary in binaries:
            # The earlier build once: unbounded, it may take minutes.
            count = args.hostile_runs if label == "infra" else 1
            runs = [timed_run([binary, "diff", *arguments, *case.extra], REPO) for _ in range(count)]
            walls = sorted(r[0] for r in runs)
            rss = [r[1] for r in runs if r[1] is not None]
            row[label] = {"wall": walls[len(walls) // 2], "rss": max(rss) if rss else None, "exit": runs[-1][2]}
            log(f"   {case.name:<32} {label:<6} {row[label]['wall'] * 1000:9.1f} ms  "
                f"{(row[label]['rss'] or 0) / 1024:7.1f} MiB  exit {row[label]['exit']}")
        rows.append(row)
    return rows


def hostile_lines(rows, args):
    before = bool(args.hostile_before)
    out = [f"`infra diff --stack cruddur-messaging --against DIR` (release build; DIR holds a link to the file as the stack's template) "
           f"on the acceptance suite's hostile corpus "
           f"(acceptance/hostile_inputs.py): median wall time of {args.hostile_runs} runs, peak RSS from `/usr/bin/time -f %M`, "
           f"each under {HOSTILE_MEMORY >> 30} GiB of address space and {HOSTILE_TIMEOUT} s."
           + (" \"before\" is the build given with `--hostile-before`, one run each." if before else ""), ""]
    head = "| input | size | exit | time | peak RSS |" + (" before: exit | time | peak RSS |" if before else "")
    out += [head, "|---|--:|--:|--:|--:|" + ("--:|--:|--:|" if before else "")]

    def cells(m):
        wall = f">{HOSTILE_TIMEOUT} s" if m["exit"] == "timeout" else (f"{m['wall']:.2f} s" if m["wall"] >= 1 else f"{m['wall'] * 1000:.0f} ms")
        rss = "-" if m["rss"] is None else f"{m['rss'] / 1024:,.0f} MiB"
        return [str(m["exit"]), wall, rss]

    for r in rows:
        size = "-" if r["bytes"] is None else (f"{r['bytes'] / 1024 ** 2:.1f} MiB" if r["bytes"] >= 1024 ** 2 else f"{r['bytes']:,} B")
        line = [r["case"], size] + cells(r["infra"]) + (cells(r["before"]) if before else [])
        out.append("| " + " | ".join(line) + " |")
    return out


# Sections of RESULTS.md recorded by hand start at this heading; --record keeps them.
HAND_RECORDED_MARK = "## Recorded by hand"


def report(info, args, rows, fits, faithful, builds, yaml, elapsed, hostile=None, counts=None, diff=None):
    out = []
    w = out.append
    w(f"Machine: {info['nproc']} cores (`nproc`), {info['cpu']}, {info['memory_gib']} GiB, Linux {info['kernel']}; "
      f"{info['swift']}; Python {info['python']}, node {info['node']}; {info['packages']}.")
    load = info["load_at_start"]
    w(f"Run {info['date']}, {elapsed / 60:.1f} min; 1/5/15-min load average at the start {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}. "
      "A noisy shared machine (other builds ran beside the benchmark): the figures are medians, and repeated runs differ by 10-30 % or more.")
    w("")
    if rows:
        w(f"Synthesis, each a whole process into an empty temp dir (out/ untouched). Medians of {args.runs} runs (infra, after 1 warm-up round), "
          f"{args.py_runs} (troposphere, after 1 warm-up round), {args.cdk_runs} (CDK), interleaved across the stacks; "
          "wall time and CPU time (user + sys) from wait4(2); max RSS from separate runs under `/usr/bin/time -f %M` (GNU time forks the command, so the Python runner's own size does not count). "
          "Per resource: infra's wall time divided by the resources. Ratios: wall times.")
        w("")
        w("| stack | resources | template | infra | infra CPU | RSS | per resource | troposphere | RSS | CDK | RSS | infra : troposphere : CDK |")
        w("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for r in rows:
            infra = r["infra"]
            mark = " †" if r.get("quota") else ""
            cells = [r["stack"], str(r["resources"]), f"{r['bytes']:,} B{mark}", ms(infra.wall), ms(infra.cpu), f"{infra.rss_mib:.0f} MiB",
                     f"{infra.wall / r['resources'] * 1e6:,.0f} µs"]
            for tool in ("troposphere", "cdk"):
                cells += [ms(r[tool].wall), f"{r[tool].rss_mib:.0f} MiB"] if tool in r else ["-", "-"]
            cells.append(ratio(r))
            w("| " + " | ".join(cells) + " |")
        w("")
        cruddur = next((r for r in rows if r["stack"].startswith("Cruddur")), None)
        if cruddur:
            w("Template: bytes of the CloudFormation template. infra's Cruddur synth writes "
              + ", ".join(f"`{f}`" for f in cruddur["files"])
              + " (every flavor the stack declares, and its parameter file); troposphere writes the CloudFormation template only, "
              "CDK the template (JSON) and its cloud-assembly files. The generated stacks are CloudFormation-only in all three. "
              "CDK's RSS is its node process's; the Python process runs beside it.")
            w("")
        rejected = [r for r in rows if r.get("quota")]
        if rejected:
            w(f"† Over CloudFormation's {BODY_QUOTA:,}-byte template-body quota: `synth` refuses it (exit 2, nothing written) "
              "after doing all the work, so the time shown is of the benchmark-only `synth-bench --allow-large-body synth`, "
              "the same pipeline with that one error ignored (and without the CLI's argument parsing). The refused CLI runs took: "
              + ", ".join(f"{r['stack']} {ms(r['cli_rejected'].wall)}" for r in rejected) + ".")
            w("")
        if fits:
            w("Linearity (infra, generated stacks, least-squares fit of the medians against resources):")
            w("")
            for fit in fits.values():
                w("- " + fit_line(fit))
            w("")
    if diff:
        d = diff["sample"]
        w(f"`infra diff` of two {diff['bytes']:,}-byte templates (`synth-bench --copies {DIFF_COPIES} diff --against`: the app's "
          "template synthesized in the process against a copy with every batch size changed), median of "
          f"{len(d.walls)} runs: {ms(d.wall)} wall, {ms(d.cpu)} CPU, {d.rss_mib:.0f} MiB.")
        w("")
    if faithful:
        w("Faithfulness (bench/compare.py: same sections, resources and properties as infra's CloudFormation template): "
          + ", ".join(f"{tool} {stack} {'same' if ok else 'DIFFERENT'}" for stack, tool, ok in faithful) + ".")
        w("")
    if builds:
        w("Clean build of the whole package (`swift build`, fresh scratch path, dependencies resolved beforehand; one run each):")
        w("")
        w("| build | wall | load average before |")
        w("|---|--:|--:|")
        for config, b in builds.items():
            w(f"| {config} | {b['seconds']:.0f} s | {b['load_before']:.2f} |")
        w("")
    if yaml:
        w(f"YAML throughput (`{yaml['command']}`: Swift emitter/parser, then PyYAML's C path, on the same tree):")
        w("")
        w("```")
        out.extend(yaml["lines"])
        w("```")
        w("")
    if hostile:
        out.extend(hostile_lines(hostile, args))
        w("")
    if counts:
        w("Instructions (`valgrind --tool=callgrind` on the stripped release build, bench/instructions.py): exact, whatever the load.")
        w("")
        w("| run | instructions |")
        w("|---|--:|")
        for name, value in counts.items():
            w(f"| {name} | {value:,} |")
        w("")
    targets = target_lines(rows, fits, builds, counts, diff)
    if targets:
        w("Targets:")
        w("")
        out.extend(targets)
        w("")
    return "\n".join(out)


def is_linear(fit):
    """R² of at least 0.99 and no marginal cost more than twice another."""
    costs = [s for _, _, s in fit["segments"]]
    return fit["r2"] >= 0.99 and max(costs) <= 2 * min(costs)


def target_lines(rows, fits, builds, counts=None, diff=None):
    lines = []
    cruddur = next((r for r in rows if r["stack"].startswith("Cruddur")), None)
    if cruddur and "troposphere" in cruddur:
        x = cruddur["troposphere"].wall / cruddur["infra"].wall
        lines.append(f"- ≥ 20× faster than troposphere on Cruddur: {x:.0f}× — {'met' if x >= 20 else 'MISSED'}")
    if cruddur and "cdk" in cruddur:
        x = cruddur["cdk"].wall / cruddur["infra"].wall
        lines.append(f"- ≥ 200× faster than CDK on Cruddur: {x:.0f}× — {'met' if x >= 200 else 'MISSED'}")
    if fits:
        wall, cpu = fits["wall"], fits["cpu"]
        verdict = "met" if is_linear(wall) else ("met on CPU time; wall time too noisy to tell" if is_linear(cpu) else "MISSED")
        lines.append(f"- linear in N: R² {wall['r2']:.4f} (wall), {cpu['r2']:.4f} (CPU) — {verdict}")
    big = next((r for r in rows if r["resources"] == 500), None)
    if big:
        ok = big["infra"].wall < 0.015 and big["infra"].rss_mib < 20
        lines.append(f"- 500 resources under 15 ms and 20 MiB (issue 17; 100 ms and 50 MiB before): {ms(big['infra'].wall)} wall "
                     f"({ms(big['infra'].cpu)} CPU), {big['infra'].rss_mib:.0f} MiB — {'met' if ok else 'MISSED'}")
    if fits:
        slope = fits["wall"]["slope_s"] * 1e6
        lines.append(f"- at most 15 µs per resource above the fixed cost (wall fit): {slope:.1f} µs — {'met' if slope <= 15 else 'MISSED'}")
    if counts:
        cruddur_count = counts.get("Cruddur synth (prod)")
        if cruddur_count is not None:
            lines.append(f"- Cruddur synth at most 15 million instructions: {cruddur_count / 1e6:.2f} M — "
                         f"{'met' if cruddur_count <= 15_000_000 else 'MISSED'}")
        per = counts.get("per resource (N = 10 to 100)")
        if per is not None:
            floor = counts.get("libyaml's emitter alone, per resource (the floor)")
            aside = f" (libyaml's emitter alone: {floor:,})" if floor else ""
            lines.append(f"- at most 120,000 instructions per resource: {per:,}{aside} — {'met' if per <= 120_000 else 'MISSED'}")
    if diff:
        d = diff["sample"]
        ok = d.wall < 0.100 and d.rss_mib < 50
        lines.append(f"- `infra diff` of two {diff['bytes']:,}-byte templates under 100 ms and 50 MiB: {ms(d.wall)}, "
                     f"{d.rss_mib:.0f} MiB — {'met' if ok else 'MISSED'}")
    if builds and "debug" in builds:
        s = builds["debug"]["seconds"]
        lines.append(f"- clean debug build under 2 minutes: {s:.0f} s — {'met' if s < 120 else 'MISSED'}")
    return lines


def main():
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip", action="append", default=[], help="comma-separated parts to skip: " + ", ".join(PARTS))
    parser.add_argument("--copies", default="1,10,50,80,100", help="sizes N of the generated stack (5 resources a copy)")
    parser.add_argument("--runs", type=int, default=21, help="runs per infra synth (median)")
    parser.add_argument("--py-runs", type=int, default=5, help="runs per troposphere synth (median)")
    parser.add_argument("--cdk-runs", type=int, default=3, help="runs per CDK synth (median)")
    parser.add_argument("--yaml-size-mb", type=int, default=10)
    parser.add_argument("--yaml-runs", type=int, default=5)
    parser.add_argument("--hostile-runs", type=int, default=3, help="runs per hostile input (median)")
    parser.add_argument("--hostile-before", help="an earlier infra binary to time on the hostile inputs too")
    parser.add_argument("--record", action="store_true", help="also write the report to bench/RESULTS.md")
    args = parser.parse_args()
    args.skip = {part for value in args.skip for part in value.split(",") if part}
    unknown = args.skip - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) to skip: {', '.join(sorted(unknown))}; the parts are {', '.join(PARTS)}")
    args.copies = [int(n) for n in args.copies.split(",")]
    if "synth" in args.skip:
        args.skip |= {"troposphere", "cdk"}

    started = time.perf_counter()
    info = machine()
    info["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rows, fits, faithful, builds, yaml, hostile, diff = [], {}, [], {}, None, None, None
    with tempfile.TemporaryDirectory(prefix="infra-bench-") as tmp:
        if "synth" not in args.skip:
            infra, synth_bench = build_release()
            info["packages"] = "no Python tools"
            if not {"troposphere", "cdk"} <= args.skip:
                ensure_venv()
                info["packages"] = versions()
                faithful = check_faithful(args, infra, synth_bench, tmp)
            rows = bench_synth(args, infra, synth_bench, tmp)
            if linearity(rows):
                fits = {"wall": linearity(rows, "wall"), "cpu": linearity(rows, "cpu")}
        info.setdefault("packages", "no Python tools")
        if "diff" not in args.skip:
            diff = bench_diff(args, build_release()[1], tmp)
        if "build" not in args.skip:
            builds = bench_build()
        if "yaml" not in args.skip:
            yaml = bench_yaml(args)
        if "hostile" not in args.skip:
            infra = infra if "synth" not in args.skip else build_release()[0]
            hostile = bench_hostile(args, infra, tmp)
        counts = None
        if "instructions" not in args.skip and shutil.which("valgrind"):
            import instructions
            log("== instruction counts (valgrind --tool=callgrind)")
            counts = instructions.counts(*build_release(), tmp, "now")
    text = report(info, args, rows, fits, faithful, builds, yaml, time.perf_counter() - started, hostile, counts, diff)
    print(text)
    if args.record:
        path = os.path.join(BENCH, "RESULTS.md")
        # Sections recorded by hand (from HAND_RECORDED_MARK on) are kept.
        kept = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                previous = f.read()
            if HAND_RECORDED_MARK in previous:
                kept = "\n" + previous[previous.index(HAND_RECORDED_MARK):]
        with open(path, "w", encoding="utf-8") as f:
            f.write("# Benchmark results\n\nWritten by `bench/run --record`; see the README's Benchmarks section, "
                    "and bench/PROFILE.md for where the time goes.\n\n" + text + "\n" + kept)
        log("wrote bench/RESULTS.md")
    if any(not ok for _, _, ok in faithful):
        sys.exit("bench: a troposphere or CDK stack does not render infra's template (see above)")


if __name__ == "__main__":
    main()

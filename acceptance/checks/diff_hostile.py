"""`infra diff` on hostile input from elsewhere (issue 14 part C), under a memory and a time limit.

The corpus (acceptance/hostile_inputs.py) is written at run time into .acceptance/diff-hostile:
self-wrapping get-template responses, a 200 MB (sparse) and a 20 MB file, 100,000 levels of
nesting, a billion-laughs alias bomb, JSON with surrogate-pair escapes, control characters and
Markdown/HTML in logical IDs, an unknown tag, a folder with one stack twice, a FIFO,
/dev/zero, a get-template response of the SAM flavor, and 30,000 `--stack` flags.

Each runs the built `infra` directly (not through `swift run`) with RLIMIT_AS at 1 GiB and a
30 s timeout. A case passes when the exit code is the expected one (2, a clear error, or a
report: 0, 1 or 3 where any result will do), the output says what it should, and stdout holds
none of the forbidden raw bytes or markup; a signal (SIGABRT, SIGKILL), a timeout or an
exit 64 where 2 was wanted fails.
"""

from __future__ import annotations

import re
import resource
import subprocess
from pathlib import Path

from acceptance.checks.swift_checks import build
from acceptance.common import REPO, Result, rel, run, swift_cmd, tail, work_dir
from acceptance.hostile_inputs import STACK, Case, cases

CHECK = "diff-hostile"
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space
TIME_LIMIT = 30.0  # seconds, for a debug build on a loaded machine


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def without_code_spans(text: str) -> str:
    """Markdown prose: code spans (runs of equal backticks) removed, escaped brackets too."""
    prose = re.sub(r"(`+)(.+?)\1", "", text)
    return prose.replace("\\]", "").replace("\\[", "")


def infra_binary() -> Path | Result:
    failed = build("infra")
    if failed:
        failed.check, failed.file = CHECK, "infra"
        return failed
    proc = run(swift_cmd("build", "--show-bin-path"), cwd=REPO, timeout=300)
    if proc.returncode != 0:
        return Result(CHECK, "infra", False, "swift build --show-bin-path failed", tail(proc.stderr, 10))
    return Path(proc.stdout.strip().splitlines()[-1]) / "infra"


def run_case(infra: Path, case: Case, folder: Path) -> Result:
    display = f"{rel(folder)}#{case.name}"
    path = case.write(folder)
    args = case.arguments(path) if case.arguments else ["--stack", STACK, "--against", str(path)]
    cmd = [str(infra), "diff", *args, *case.extra]
    try:
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, timeout=TIME_LIMIT, preexec_fn=limit_memory,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Result(CHECK, display, False, f"no answer within {TIME_LIMIT:.0f} s (limit 1 GiB of memory)")
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    said = out + err
    code = proc.returncode
    details = tail(said, 8)
    if code < 0:
        return Result(CHECK, display, False, f"killed by signal {-code} (a crash, or over 1 GiB)", details)
    if case.expect is None and code not in (0, 1, 3):
        return Result(CHECK, display, False, f"exit {code}, expected a report (0, 1 or 3)", details)
    if case.expect is not None and code != case.expect:
        return Result(CHECK, display, False, f"exit {code}, expected {case.expect}", details)
    if case.says and case.says not in said:
        return Result(CHECK, display, False, f"the output does not say {case.says!r}", details)
    prose = without_code_spans(out) if "markdown" in case.extra else out
    leaked = [f for f in case.forbidden if f in (prose if f.startswith(("<", "]")) else out)]
    if leaked:
        return Result(CHECK, display, False, f"stdout holds {', '.join(map(repr, leaked))}", details)
    first = (err.strip() or out.strip()).splitlines()[:1]
    return Result(CHECK, display, True, f"exit {code}" + (f": {first[0][:160]}" if first else ""))


def check() -> list[Result]:
    infra = infra_binary()
    if isinstance(infra, Result):
        return [infra]
    folder = work_dir("diff-hostile")
    results = []
    for case in cases(REPO):
        sub = folder / case.name
        sub.mkdir()
        results.append(run_case(infra, case, sub))
    return results

"""The Swift side: `swift test`, and check 1, `infra synth --check` (out/ is up to date).

Both build the package; INFRA_SCRATCH_PATH (see common.swift_cmd) picks the build folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import sys
import tempfile
import time
from pathlib import Path

from acceptance.common import rel, REPO, Result, run, swift_cmd, tail

XCTEST = re.compile(r"Executed (\d+) tests?, with (\d+) failures?")
SWIFT_TESTING = re.compile(r"Test run with (\d+) tests?")


def compiler_errors(text: str, limit: int = 15) -> list[str]:
    """The distinct `file:line: error: ...` lines of a Swift build, without the code excerpts."""
    seen: list[str] = []
    for line in text.splitlines():
        if "error:" in line and not line[:1].isspace() and not line.startswith("|") and line not in seen:
            seen.append(line)
    return seen[:limit]


def swift_test(timeout: float = 2400) -> Result:
    """Run `swift test`, streaming its output (CI logs show it), and count what it ran."""
    cmd = swift_cmd("test")
    print(f"--- {' '.join(cmd)}", flush=True)
    start = time.monotonic()
    lines: list[str] = []
    try:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, text=True, errors="replace")
    except FileNotFoundError:
        return Result("swift-test", ".", False, "swift is not installed")
    assert proc.stdout is not None
    # A timer, not a check between lines: a hang that prints nothing must end too.
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        for line in proc.stdout:
            sys.stdout.write(line)
            lines.append(line.rstrip("\n"))
    finally:
        killer.cancel()
    rc = proc.wait()
    print(f"--- swift test exited {rc} after {time.monotonic() - start:.0f}s", flush=True)
    text = "\n".join(lines)
    xc = XCTEST.findall(text)
    st = SWIFT_TESTING.findall(text)
    # XCTest prints a total last; Swift Testing prints one "Test run with N tests" line.
    ran = (int(xc[-1][0]) if xc else 0) + (int(st[-1]) if st else 0)
    if rc != 0:
        errors = compiler_errors(text)
        return Result("swift-test", ".", False, f"swift test exited {rc} (build or test failure)",
                      errors or tail(text, 20))
    if ran == 0:
        return Result("swift-test", ".", False, "swift test ran no tests")
    return Result("swift-test", ".", True, f"{ran} test(s) passed")


def build(product: str) -> Result | None:
    """Build one product first, so a build failure is not mistaken for the tool's own exit 1."""
    proc = run(swift_cmd("build", "--product", product), cwd=REPO, timeout=1800)
    if proc.returncode != 0:
        out = proc.stdout + proc.stderr
        errors = compiler_errors(out)
        return Result(f"build-{product}", ".", False, f"swift build --product {product} failed "
                                                      f"(exit {proc.returncode})", errors or tail(out, 20))
    return None


def synth_check(out_dir: Path, templates: list[Path], product: str = "infra") -> Result:
    """`infra synth --check`: 0 up to date, 1 stale (with a diff), anything else broken.

    Then the same on a copy of out/ with one template changed, which must exit 1 naming
    it: proof that "up to date" came from a comparison, not from a tool that says 0.
    """
    check = "synth-check"
    shown = rel(out_dir) + "/"
    failed = build(product)
    if failed:
        failed.check, failed.file = check, shown
        return failed
    proc = run(swift_cmd("run", "--skip-build", product, "synth", "--check"), cwd=REPO, timeout=600)
    out = (proc.stdout or "") + (proc.stderr or "")
    if proc.returncode == 1:
        return Result(check, shown, False, f"{shown} is stale: `swift run {product} synth` would change it",
                      tail(out, 200))
    if proc.returncode != 0:
        return Result(check, shown, False, f"{product} synth --check exited {proc.returncode}", tail(out, 30))
    if not templates:
        # A tool that says "up to date" about an empty out/ has compared nothing.
        return Result(check, shown, False, f"{product} synth --check says up to date, but {shown} has no templates",
                      tail(out, 10))
    with tempfile.TemporaryDirectory(prefix="synth-probe-") as tmp:
        copy = Path(tmp) / "out"
        shutil.copytree(out_dir, copy)
        victim = copy / templates[0].relative_to(out_dir)
        victim.write_text(victim.read_text() + "# changed by the acceptance suite\n")
        probe = run(swift_cmd("run", "--skip-build", product, "synth", "--check", "--out", str(copy)),
                    cwd=REPO, timeout=600)
    said = (probe.stdout or "") + (probe.stderr or "")
    if probe.returncode != 1 or victim.name not in said:
        return Result(check, shown, False, f"{product} synth --check --out COPY exited {probe.returncode} on a copy "
                                            f"of out/ with {templates[0].name} changed; expected 1 and a diff "
                                            f"naming it", tail(said, 20))
    return Result(check, shown, True, f"{shown} is up to date ({len(templates)} template(s)); "
                                       f"a changed copy is reported stale")

"""Check 7: each Lambda's own pytest suite (templates/*/tests/) passes with the venv's pytest.

The tests use moto's mock_aws in-process, so they get dummy credentials and our region
and never a real account. No tests directory at all is a failure, as is a directory
where pytest collects nothing (exit 5): both would be passes that tested nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from acceptance.common import REPO, Result, aws_env, rel, run, tail

CHECK = "lambda-tests"


def find(root: Path = REPO / "templates") -> list[Path]:
    return sorted(p for p in root.glob("*/tests") if p.is_dir())


def check_dir(tests: Path) -> Result:
    display = rel(tests)
    # Run from the template's folder, so the tests import its code the way its author ran them;
    # no cache provider, so nothing is written into the source tree.
    proc = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
               cwd=tests.parent, env=aws_env(), timeout=600)
    lines = proc.stdout.strip().splitlines()
    summary = lines[-1] if lines else ""
    if proc.returncode == 0:
        return Result(CHECK, display, True, summary or "pytest passed")
    if proc.returncode == 5:
        return Result(CHECK, display, False, "pytest collected no tests", tail(proc.stdout + proc.stderr, 10))
    return Result(CHECK, display, False, f"pytest exited {proc.returncode}: {summary}",
                  tail(proc.stdout + proc.stderr, 40))


def check_all(root: Path = REPO / "templates") -> list[Result]:
    dirs = find(root)
    if not dirs:
        return [Result(CHECK, rel(root), False, "no templates/*/tests/ directory: the Lambda code has no tests")]
    return [check_dir(d) for d in dirs]

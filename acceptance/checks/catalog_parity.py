"""catalog-parity: proof against a real tool that `infra validate` catches what cfn-lint does.

cfn-lint (us-east-1, the region of the catalog's schemas) and `infra validate --template`
run over the same corpus: the templates in out/, the Swift tests' golden fixtures, and
acceptance/fixtures/catalog/ (templates broken on purpose, plus a SAM one and one with
intrinsics everywhere that must stay clean). Every cfn-lint error of the schema classes
(E30xx; E1003, E2011 and E6011, the description limits; E1010 and E6101, GetAtt attributes)
needs an infra error at the same element (logical ID, parameter or output) and at the same
or an enclosing property path; a required property counts when infra names the missing
key below the object cfn-lint names, and a failed oneOf/anyOf (E3018, E3012 for an
alternative of another type) counts when infra names what fails below it. An error with no such match fails the check unless
it is one of the EXCEPTIONS below, each with its reason. Infra errors that cfn-lint does
not report are listed, not failed. out/ and the golden fixtures must give no infra error.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from acceptance.cfnyaml import load_template
from acceptance.common import REPO, Result, rel, run, swift_cmd, tail, tool

CHECK = "catalog-parity"
LINT_REGION = "us-east-1"
CORPUS = REPO / "acceptance" / "fixtures" / "catalog"
GOLDEN_GLOBS = ("Tests/*/Fixtures/**/*.yaml", "Tests/*/Fixtures/**/*.json")

# The rules whose errors infra must also report.
CLASS = re.compile(r"^(E30\d\d|E1003|E2011|E6011|E1010|E6101)$")


@dataclass(frozen=True)
class Exception_:
    rule: str
    path: str  # regex over the cfn-lint path, "Resources/Table/Properties/KeySchema"
    message: str  # regex over cfn-lint's message
    reason: str


# cfn-lint errors that infra does not report, and why. Keep each one narrow.
EXCEPTIONS = (
    Exception_("E3039", r".*", r".*",
               "DynamoDB AttributeDefinitions must match the key schemas: a semantic check of cfn-lint's own "
               "(a Python rule), not in the resource schemas; infra's typed Table builds both from one key list"),
    Exception_("E3019", r".*", r".*",
               "unique primary identifiers across resources: a whole-template cfn-lint rule, not a schema keyword"),
)


@dataclass(frozen=True)
class LintError:
    file: str
    rule: str
    path: tuple
    message: str

    @property
    def element(self) -> str | None:
        return str(self.path[1]) if len(self.path) > 1 and self.path[0] in ("Resources", "Parameters", "Outputs") else None

    @property
    def infra_path(self) -> str:
        """Resources/T/Properties/A/0/B -> Properties.A[0].B (what infra prints after the element)."""
        steps = self.path[2:] if self.element is not None else self.path
        text = ""
        for step in steps:
            text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
        return text

    def render(self) -> str:
        return f"{self.file}: {self.rule} at {'/'.join(map(str, self.path))}: {self.message[:160]}"


@dataclass(frozen=True)
class InfraError:
    file: str
    element: str | None
    path: str
    line: str


def exception_for(error: LintError) -> Exception_ | None:
    where = "/".join(map(str, error.path))
    for e in EXCEPTIONS:
        if e.rule == error.rule and re.search(e.path, where) and re.search(e.message, error.message):
            return e
    return None


def _related(infra: str, lint: str) -> bool:
    """infra's path is lint's, encloses it, or names a key right below it (a missing required one)."""
    if infra == lint or not infra:
        return True
    if lint.startswith(infra) and lint[len(infra)] in ".[":
        return True
    return infra.startswith(lint) and infra[len(lint)] == "." and "." not in infra[len(lint) + 1:] and "[" not in infra[len(lint) + 1:]


# cfn-lint reports a failed oneOf/anyOf at the object that has it (E3018, and E3012 for an
# alternative of another type); infra reports the closest alternative's own reason, below it.
ALTERNATIVES = re.compile(r"is not valid under any of the given schemas|is not of type")


def matches(error: LintError, infra: InfraError) -> bool:
    if infra.file != error.file or infra.element != error.element:
        return False
    if error.rule in ("E3012", "E3018") and ALTERNATIVES.search(error.message) and error.infra_path \
            and infra.path.startswith(error.infra_path) and infra.path[len(error.infra_path):][:1] in (".", "["):
        return True
    return _related(infra.path, error.infra_path)


# --- running the tools ------------------------------------------------------------------

def lint_all(files: list[Path]) -> tuple[dict[str, list[LintError]], str | None]:
    """cfn-lint's errors per file (display name), from one run over every file."""
    with tempfile.TemporaryDirectory(prefix="cfnlint-") as cwd:
        proc = run([tool("cfn-lint"), "--format", "json", "--regions", LINT_REGION, "--",
                    *[str(f.resolve()) for f in files]], cwd=cwd, timeout=900)
    if proc.returncode == 1 or proc.returncode > 15:
        return {}, f"cfn-lint failed (exit {proc.returncode}): " + " | ".join(tail(proc.stderr, 8))
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        return {}, "cfn-lint printed no JSON: " + " | ".join(tail(proc.stderr or proc.stdout, 8))
    by_file: dict[str, list[LintError]] = {rel(f): [] for f in files}
    for f in findings:
        if f.get("Level") != "Error":
            continue
        display = rel(f.get("Filename", ""))
        by_file.setdefault(display, []).append(LintError(
            display, f.get("Rule", {}).get("Id", "?"), tuple(f.get("Location", {}).get("Path") or ()),
            f.get("Message", "")))
    return by_file, None


def infra_binary() -> Path:
    proc = run(swift_cmd("build", "--product", "infra"), cwd=REPO, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError("swift build --product infra failed: " + " | ".join(tail(proc.stdout + proc.stderr, 10)))
    path = run(swift_cmd("build", "--show-bin-path"), cwd=REPO, timeout=600).stdout.strip()
    return Path(path) / "infra"


INFRA_LINE = re.compile(r"^error: ([^:]+): (.*)$")


def parse_infra(display: str, stack: str, stderr: str) -> list[InfraError]:
    """`error: <stack>: <element>: <path>: message` lines; element and path may be absent."""
    errors = []
    for line in stderr.splitlines():
        m = INFRA_LINE.match(line)
        if not m or m.group(1) != stack:
            continue
        parts = m.group(2).split(": ")
        element, path = None, ""
        if len(parts) >= 3:
            element, path = parts[0], parts[1]
        elif len(parts) == 2:
            # `Description: message` (the template) or `Element: message`.
            if parts[0] in ("Description", "Resources", "Parameters", "Outputs", "Mappings", "Conditions"):
                path = parts[0]
            else:
                element = parts[0]
        errors.append(InfraError(display, element, path, line))
    return errors


def infra_all(binary: Path, files: list[Path]) -> tuple[dict[str, list[InfraError]], list[str]]:
    """infra's errors per file, each file validated alone (stack names repeat across folders)."""
    by_file: dict[str, list[InfraError]] = {}
    problems = []
    for f in files:
        proc = subprocess.run([str(binary), "validate", "--template", str(f)], capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
        stack = f.name.rsplit(".", 1)[0]
        by_file[rel(f)] = parse_infra(rel(f), stack, proc.stderr)
        if proc.returncode not in (0, 2) or (proc.returncode == 2 and not by_file[rel(f)]):
            problems.append(f"{rel(f)}: infra validate exited {proc.returncode}: " + " | ".join(tail(proc.stderr, 4)))
    return by_file, problems


# --- the comparison ---------------------------------------------------------------------

def compare(lint: dict[str, list[LintError]], infra: dict[str, list[InfraError]],
            must_be_clean: set[str]) -> list[Result]:
    """The parity table, and whether it holds; pure, so the suite's own tests feed it fakes."""
    by_rule: Counter = Counter()
    matched: Counter = Counter()
    excused: Counter = Counter()
    misses: list[str] = []
    reasons: dict[str, str] = {}
    used: set[int] = set()
    for file, errors in sorted(lint.items()):
        for error in errors:
            if not CLASS.match(error.rule):
                continue
            by_rule[error.rule] += 1
            hits = [i for i in infra.get(file, []) if matches(error, i)]
            if hits:
                matched[error.rule] += 1
                used.update(id(i) for i in hits)
                continue
            excuse = exception_for(error)
            if excuse:
                excused[error.rule] += 1
                reasons[f"{excuse.rule} /{excuse.message}/"] = excuse.reason
                continue
            misses.append(error.render())
    extra = [i.line + f"  ({file})" for file, errors in sorted(infra.items()) for i in errors if id(i) not in used]
    table = [f"{'rule':<7} {'cfn-lint':>8} {'matched':>8} {'excused':>8} {'missed':>7}"]
    for rule in sorted(by_rule):
        missed = by_rule[rule] - matched[rule] - excused[rule]
        table.append(f"{rule:<7} {by_rule[rule]:>8} {matched[rule]:>8} {excused[rule]:>8} {missed:>7}")
    total = sum(by_rule.values())
    table.append(f"{'total':<7} {total:>8} {sum(matched.values()):>8} {sum(excused.values()):>8} {len(misses):>7}")
    details = table + [f"excused: {k}: {v}" for k, v in sorted(reasons.items())]
    details += [f"MISSED (no infra error at that element and path): {m}" for m in misses]
    details += [f"infra only (cfn-lint reports nothing there): {e}" for e in extra]
    results = [Result(CHECK, "corpus", not misses and total > 0,
                      f"{total} cfn-lint schema-class error(s): {sum(matched.values())} matched by infra, "
                      f"{sum(excused.values())} explained exception(s), {len(misses)} unexplained miss(es); "
                      f"{len(extra)} infra-only error(s)" if total else "cfn-lint found no schema-class error: "
                      "the broken corpus proves nothing", details)]
    dirty = [i.line + f"  ({file})" for file in sorted(must_be_clean) for i in infra.get(file, [])]
    results.append(Result(CHECK, "out/ and golden fixtures", not dirty,
                          f"{len(must_be_clean)} template(s), {len(dirty)} infra error(s)", dirty))
    return results


def templates_in(patterns: tuple[str, ...]) -> list[Path]:
    found = []
    for pattern in patterns:
        for p in sorted(REPO.glob(pattern)):
            try:
                doc = load_template(p)
            except Exception:  # noqa: BLE001 - not a template (e.g. an expected diff report)
                continue
            if isinstance(doc, dict) and "Resources" in doc:
                found.append(p)
    return found


def check(templates_dir: Path) -> list[Result]:
    clean = sorted(p for p in templates_dir.rglob("*.yaml") if p.is_file()) + templates_in(GOLDEN_GLOBS)
    broken = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json"))
    files = clean + broken
    lint, crashed = lint_all(files)
    if crashed:
        return [Result(CHECK, "corpus", False, crashed)]
    infra, problems = infra_all(infra_binary(), files)
    results = compare(lint, infra, {rel(p) for p in clean})
    if problems:
        results.append(Result(CHECK, "infra validate --template", False, "infra could not validate some files", problems))
    return results

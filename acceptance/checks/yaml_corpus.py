"""Check 3b: the YAML emitter's string corpus reads back as the same strings in YAML 1.1 and 1.2.

`swift run yaml-bench corpus DIR` writes DIR/strings.yaml (the emitter's output) and
DIR/strings.json (the same strings, as JSON: the truth). Every string of the JSON must
come back, as a string with the same value, from the YAML read by PyYAML and by
ruamel.yaml. If the YAML engineer's bench/yaml/check_corpus.py exists it is the
authority and is run as `python bench/yaml/check_corpus.py DIR`; otherwise this module
compares the two files itself.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

from acceptance.cfnyaml import READERS
from acceptance.checks.swift_checks import build
from acceptance.common import REPO, Result, rel, run, swift_cmd, tail, work_dir

CHECK = "yaml-corpus"
EXTERNAL = REPO / "bench" / "yaml" / "check_corpus.py"
MAX_REPORTED = 20


def _strings(obj: Any, path: list) -> Iterator[tuple[list, str]]:
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(v, path + [k])
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings(v, path + [i])


_MISSING = object()


def _at(obj: Any, path: list) -> Any:
    for step in path:
        try:
            obj = obj[step]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return obj


def compare(yaml_text: str, expected: Any, display: str) -> Result:
    wanted = list(_strings(expected, []))
    if not wanted:
        return Result(CHECK, display, False, "strings.json holds no strings: nothing was tested")
    problems: list[str] = []
    for name, reader in READERS.items():
        try:
            got = reader(yaml_text)
        except Exception as e:  # noqa: BLE001 - a reader error is the finding
            problems.append(f"{name} cannot read strings.yaml: {' '.join(str(e).split())[:300]}")
            continue
        for path, want in wanted:
            value = _at(got, path)
            if value is _MISSING:
                problems.append(f"{name}: {path}: missing (expected {want!r})")
            elif not isinstance(value, str) or value != want:
                problems.append(f"{name}: {path}: expected str {want!r}, read {type(value).__name__} {value!r}")
    if problems:
        shown = problems[:MAX_REPORTED] + ([f"... and {len(problems) - MAX_REPORTED} more"]
                                           if len(problems) > MAX_REPORTED else [])
        return Result(CHECK, display, False, f"{len(problems)} string(s) do not read back", shown)
    return Result(CHECK, display, True, f"all {len(wanted)} strings read back identically by "
                                        f"{len(READERS)} readers (YAML 1.1 and 1.2)")


def check_dir(corpus: Path) -> Result:
    display = rel(corpus)
    yaml_file, json_file = corpus / "strings.yaml", corpus / "strings.json"
    missing = [p.name for p in (yaml_file, json_file) if not p.exists()]
    if missing:
        return Result(CHECK, display, False, f"yaml-bench corpus did not write {', '.join(missing)}")
    try:
        expected = json.loads(json_file.read_text())
    except json.JSONDecodeError as e:
        return Result(CHECK, display, False, f"strings.json is not JSON: {e}")
    if not list(_strings(expected, [])):
        # Whichever comparison runs, an empty corpus would prove nothing.
        return Result(CHECK, display, False, "strings.json holds no strings: nothing was tested")
    if EXTERNAL.exists():
        proc = run([sys.executable, str(EXTERNAL), str(corpus)], cwd=REPO, timeout=600)
        out = proc.stdout + proc.stderr
        if proc.returncode != 0:
            return Result(CHECK, display, False, f"{rel(EXTERNAL)} exited {proc.returncode}", tail(out, 40))
        lines = out.strip().splitlines()
        return Result(CHECK, display, True, f"{rel(EXTERNAL)} passed" + (f": {lines[-1]}" if lines else ""))
    return compare(yaml_file.read_text(), expected, rel(yaml_file))


def check() -> Result:
    failed = build("yaml-bench")
    if failed:
        failed.check, failed.file = CHECK, ".acceptance/corpus"
        return failed
    corpus = work_dir("corpus")
    proc = run(swift_cmd("run", "--skip-build", "yaml-bench", "corpus", str(corpus)), cwd=REPO, timeout=600)
    if proc.returncode != 0:
        return Result(CHECK, rel(corpus), False, f"yaml-bench corpus exited {proc.returncode}",
                      tail(proc.stdout + proc.stderr, 20))
    return check_dir(corpus)

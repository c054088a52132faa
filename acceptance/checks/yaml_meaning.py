"""Check 3a: every scalar of a template means the same to a YAML 1.1 and a YAML 1.2 reader.

CloudFormation's own parser, cfn-lint, the aws CLI, the SAM CLI and whatever a person
pipes the template through do not agree on YAML versions. A plain `on`, `yes`, `0777`,
`12:30` or `2012-10-17` reads differently (or as a type JSON does not have) depending on
the reader. The emitter must quote such strings; this check proves it did, scalar by
scalar, by walking the PyYAML tree and each ruamel.yaml tree side by side.

Rules:
* every reader must load the file;
* at every position, both trees have the same shape and the same tags;
* every scalar (keys too) has the same type and value in every reader;
* every scalar is a JSON type (str, int, float, bool, null): a date that all readers
  agree on is still a date, which CloudFormation's JSON model has no place for.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

from acceptance.cfnyaml import READERS, Tagged, line_of
from acceptance.common import Result, rel

CHECK = "yaml-meaning"
JSON_TYPES = {"str", "int", "float", "bool", "null"}
MAX_REPORTED = 25


def scalar_type(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, datetime.datetime):
        return "timestamp"
    if isinstance(v, datetime.date):
        return "date"
    if isinstance(v, bytes):
        return "binary"
    return type(v).__name__


def describe(v: Any) -> str:
    if isinstance(v, Tagged):
        return f"!{v.tag} ..."
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a sequence"
    return f"{scalar_type(v)} {v!r}"


def _same_scalar(a: Any, b: Any) -> bool:
    if scalar_type(a) != scalar_type(b):
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


class _Walker:
    """Walks two trees in step, recording (path, positions, problem)."""

    def __init__(self, name_a: str, name_b: str):
        self.name_a, self.name_b = name_a, name_b
        self.problems: list[tuple[str, list[int], str]] = []

    def differ(self, path: str, pos: list[int], a: Any, b: Any) -> None:
        self.problems.append(
            (path, pos, f"{self.name_a} reads {describe(a)}, {self.name_b} reads {describe(b)}"))

    def walk(self, a: Any, b: Any, path: str, pos: list[int]) -> None:
        if isinstance(a, Tagged) or isinstance(b, Tagged):
            if not (isinstance(a, Tagged) and isinstance(b, Tagged)) or a.tag != b.tag:
                return self.differ(path, pos, a, b)
            return self.walk(a.value, b.value, path, pos)
        if isinstance(a, dict) and isinstance(b, dict):
            ia, ib = list(a.items()), list(b.items())
            if len(ia) != len(ib):
                self.problems.append((path, pos, f"{self.name_a} reads {len(ia)} keys, "
                                                 f"{self.name_b} reads {len(ib)} keys (duplicate key?)"))
            for i, ((ka, va), (kb, vb)) in enumerate(zip(ia, ib)):
                # Name the key as written: the 1.2 reading of `on` is its text.
                text = ka if isinstance(ka, str) else kb if isinstance(kb, str) else repr(ka)
                child = f"{path}.{text}" if path else text
                if not _same_scalar(ka, kb):
                    self.differ(f"{child} (the key)", pos + [i], ka, kb)
                    continue
                self._json_type(ka, f"{child} (the key)", pos + [i])
                self.walk(va, vb, child, pos + [i])
            return
        if isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                self.problems.append((path, pos, f"{self.name_a} reads {len(a)} items, "
                                                 f"{self.name_b} reads {len(b)}"))
            for i, (x, y) in enumerate(zip(a, b)):
                self.walk(x, y, f"{path}[{i}]", pos + [i])
            return
        if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
            return self.differ(path, pos, a, b)
        if not _same_scalar(a, b):
            return self.differ(path, pos, a, b)
        self._json_type(a, path, pos)

    def _json_type(self, v: Any, path: str, pos: list[int]) -> None:
        if scalar_type(v) not in JSON_TYPES:
            self.problems.append((path, pos, (
                f"every reader reads {describe(v)}, a type CloudFormation (JSON) does not have; "
                f"quote it so it stays the string {str(v)!r}")))


def check_text(text: str, display: str) -> Result:
    trees: dict[str, Any] = {}
    load_errors: list[str] = []
    for name, reader in READERS.items():
        try:
            trees[name] = reader(text)
        except Exception as e:  # noqa: BLE001 - any reader error is a finding, reported as is
            said = " ".join(str(e).split())
            load_errors.append(f"{display}: {name} cannot read it: {said[:400]}")
    if load_errors:
        return Result(CHECK, display, False, "not every YAML reader can read the file", load_errors)

    names = list(trees)
    base = names[0]
    seen: set[str] = set()
    details: list[str] = []
    for other in names[1:]:
        w = _Walker(base, other)
        w.walk(trees[base], trees[other], "", [])
        for path, pos, problem in w.problems:
            # ruamel's safe and round-trip loaders agree with each other; report a
            # place once, from the first of them, not once per loader.
            if path in seen:
                continue
            seen.add(path)
            line = line_of(text, pos)
            where = f"{display}:{line}" if line else display
            details.append(f"{where}: {path or '(document)'}: {problem}")
    if not details:
        return Result(CHECK, display, True,
                      f"every scalar reads the same in {', '.join(n.split(' (')[0] for n in names[:2])} "
                      f"(1.1 and 1.2)")
    shown = details[:MAX_REPORTED]
    if len(details) > MAX_REPORTED:
        shown.append(f"... and {len(details) - MAX_REPORTED} more")
    return Result(CHECK, display, False,
                  f"{len(details)} scalar(s) read differently or as a non-JSON type", shown)


def check(path: Path) -> Result:
    return check_text(Path(path).read_text(), rel(path))

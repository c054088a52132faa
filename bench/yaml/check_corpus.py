#!/usr/bin/env python3
"""Check a corpus written by `yaml-bench corpus DIR`.

1. Readers: DIR/strings.yaml loaded with PyYAML's safe loader (YAML 1.1; pure Python and, when
   available, the libyaml-based CSafeLoader) and ruamel.yaml's safe loader (YAML 1.2) must give
   exactly the list in DIR/strings.json. Same for DIR/keys.yaml against DIR/keys.json when present.
2. Styles: each scalar's style in strings.yaml must be the one the emitter's rules promise, checked
   against an independent oracle built from libyaml (through PyYAML's CDumper) and the readers'
   own resolver regexes: plain exactly when no YAML 1.1/1.2 resolver claims the text and libyaml
   allows plain; otherwise single quotes, a literal block for multi-line text, or double quotes.

Exits 1 and prints the differing strings on any mismatch.
Usage: check_corpus.py DIR
"""
import json
import re
import sys
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml import resolver as ruamel_resolver

MAX_REPORTED_PER_CHECK = 10


def load_with_readers(text):
    """Every reader's result for the same YAML text, by reader name."""
    readers = {"pyyaml-safe (1.1)": lambda: yaml.load(text, Loader=yaml.SafeLoader)}
    if getattr(yaml, "CSafeLoader", None):
        readers["pyyaml-csafe (1.1, libyaml)"] = lambda: yaml.load(text, Loader=yaml.CSafeLoader)
    readers["ruamel-safe (1.2)"] = lambda: YAML(typ="safe", pure=True).load(text)
    results = {}
    for name, load in readers.items():
        try:
            results[name] = load()
        except Exception as error:  # a reader that cannot read it at all is a failure too
            results[name] = error
    return results


def compare_sequences(name, expected, got):
    if isinstance(got, Exception):
        return [f"{name}: could not load: {got}"]
    if not isinstance(got, list):
        return [f"{name}: expected a list, got {type(got).__name__}"]
    problems = []
    if len(got) != len(expected):
        problems.append(f"{name}: {len(got)} items, expected {len(expected)}")
    for index, (want, have) in enumerate(zip(expected, got)):
        if want != have or type(have) is not str:
            problems.append(f"{name}: item {index}: expected {want!r}, got {have!r} ({type(have).__name__})")
    return problems


def compare_mappings(name, expected, got):
    if isinstance(got, Exception):
        return [f"{name}: could not load: {got}"]
    if not isinstance(got, dict):
        return [f"{name}: expected a mapping, got {type(got).__name__}"]
    problems = []
    for key in got:
        if type(key) is not str:
            problems.append(f"{name}: key {key!r} read as {type(key).__name__}")
    missing = set(expected) - set(k for k in got if type(k) is str)
    for key in sorted(missing, key=repr):
        problems.append(f"{name}: key {key!r} missing")
    for key, value in got.items():
        if key in expected and list(value) != expected[key]:
            problems.append(f"{name}: key {key!r}: expected {expected[key]!r}, got {value!r}")
    return problems


# --- style oracle -------------------------------------------------------------------------------

# YAML 1.2 core schema (spec 10.3.2) and JSON schema (10.2.1.*), beyond what the readers list.
SPEC_12_PATTERNS = [
    re.compile(r"^(?:null|Null|NULL|~|)$"),
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    re.compile(r"^[-+]?[0-9]+$"),
    re.compile(r"^0o[0-7]+$"),
    re.compile(r"^0x[0-9a-fA-F]+$"),
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"),
    re.compile(r"^\.(?:nan|NaN|NAN)$"),
    re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$"),
]


def resolved_by_some_reader(text):
    """True when PyYAML, ruamel.yaml (1.1 or 1.2) or the 1.2 core/JSON schema resolve the plain text."""
    first = text[0] if text else ""
    for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(first, []):
        if regexp.match(text):
            return True
    for _versions, _tag, regexp, firsts in ruamel_resolver.implicit_resolvers:
        if first in firsts and regexp.match(text):
            return True
    return any(pattern.match(text) for pattern in SPEC_12_PATTERNS)


class OracleDumper(yaml.CDumper):
    """libyaml's emitter with PyYAML's 1.1 resolver; multi-line text is offered as a literal."""


def represent_text(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


OracleDumper.add_representer(str, represent_text)


def scalar_styles(text):
    """The style of every scalar in a YAML text, in order ('' for plain)."""
    return [event.style or "" for event in yaml.parse(text, Loader=yaml.SafeLoader)
            if isinstance(event, yaml.ScalarEvent)]


def expected_styles(strings):
    oracle_text = yaml.dump(strings, Dumper=OracleDumper, allow_unicode=True, width=-1)
    styles = scalar_styles(oracle_text)
    if len(styles) != len(strings):
        raise SystemExit(f"oracle: {len(styles)} scalars for {len(strings)} strings")
    expected = []
    for text, style in zip(strings, styles):
        if "\u2028" in text or "\u2029" in text:
            style = '"'  # a YAML 1.2 reader does not break lines there: escape them
        elif style == "" and resolved_by_some_reader(text):
            style = "'"  # libyaml allows plain, some YAML 1.1/1.2 reader resolves it
        expected.append(style)
    return expected


STYLE_NAMES = {"": "plain", "'": "single-quoted", '"': "double-quoted", "|": "literal", ">": "folded"}


def check_styles(strings, text):
    written = scalar_styles(text)
    if len(written) != len(strings):
        return [f"style: {len(written)} scalars written for {len(strings)} strings"]
    problems = []
    for index, (string, want, have) in enumerate(zip(strings, expected_styles(strings), written)):
        if want != have:
            problems.append(f"style: item {index} {string!r}: expected {STYLE_NAMES[want]}, written {STYLE_NAMES[have]}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = Path(sys.argv[1])
    strings_text = (directory / "strings.yaml").read_text(encoding="utf-8")
    strings = json.loads((directory / "strings.json").read_text(encoding="utf-8"))

    problems = []
    for name, got in load_with_readers(strings_text).items():
        problems += compare_sequences(f"strings.yaml/{name}", strings, got)
    problems += check_styles(strings, strings_text)

    keys_path = directory / "keys.yaml"
    if keys_path.exists():
        keys = json.loads((directory / "keys.json").read_text(encoding="utf-8"))
        for name, got in load_with_readers(keys_path.read_text(encoding="utf-8")).items():
            problems += compare_mappings(f"keys.yaml/{name}", keys, got)

    if problems:
        reported = {}
        for problem in problems:
            check = problem.split(":", 1)[0]
            reported[check] = reported.get(check, 0) + 1
            if reported[check] <= MAX_REPORTED_PER_CHECK:
                print(problem)
        for check, count in reported.items():
            if count > MAX_REPORTED_PER_CHECK:
                print(f"{check}: ... {count - MAX_REPORTED_PER_CHECK} more")
        print(f"FAILED: {len(problems)} problems")
        return 1
    key_note = f", {len(keys)} keys" if keys_path.exists() else ""
    print(f"OK: {len(strings)} strings{key_note} read back unchanged by every reader; every style as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())

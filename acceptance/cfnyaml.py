"""Reading CloudFormation YAML three ways.

* `read_pyyaml`, `read_ruamel_safe`, `read_ruamel_rt`: the same text read by PyYAML
  (YAML 1.1) and by ruamel.yaml (YAML 1.2, safe and round-trip loaders). Short-form
  intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become `Tagged(tag, value)` so the
  three trees can be walked side by side: that is what the YAML-meaning check needs.
* `load_template`: the template as CloudFormation tools see it, with intrinsics in
  their long form (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`), which is what the
  SAM translator, the parameter mapping and the read-back comparison work on. It
  reads with PyYAML, like cfn-lint, the SAM CLI and the aws CLI do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import MappingNode as RMappingNode
from ruamel.yaml.nodes import ScalarNode as RScalarNode
from ruamel.yaml.nodes import SequenceNode as RSequenceNode


class Tagged(NamedTuple):
    """A short-form intrinsic: `!GetAtt A.B` is Tagged("GetAtt", "A.B")."""

    tag: str
    value: Any


# --- PyYAML (YAML 1.1) -------------------------------------------------------------

class _PyTaggedLoader(yaml.SafeLoader):
    """SafeLoader that keeps every `!Tag` as a Tagged value (subclass: never touch SafeLoader)."""


def _py_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(suffix, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(suffix, loader.construct_sequence(node, deep=True))
    return Tagged(suffix, loader.construct_mapping(node, deep=True))


_PyTaggedLoader.add_multi_constructor("!", _py_tagged)


def read_pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=_PyTaggedLoader)  # noqa: S506 - a SafeLoader subclass


# --- ruamel.yaml (YAML 1.2) --------------------------------------------------------

class _RuamelTaggedConstructor(SafeConstructor):
    """ruamel's SafeConstructor with `!Tag` -> Tagged; a subclass, since
    add_multi_constructor on SafeConstructor itself would change it for every user."""


def _ruamel_tagged(constructor: SafeConstructor, suffix: str, node: Any) -> Tagged:
    if isinstance(node, RScalarNode):
        return Tagged(suffix, constructor.construct_scalar(node))
    if isinstance(node, RSequenceNode):
        return Tagged(suffix, constructor.construct_sequence(node, deep=True))
    assert isinstance(node, RMappingNode)
    return Tagged(suffix, constructor.construct_mapping(node, deep=True))


_RuamelTaggedConstructor.add_multi_constructor("!", _ruamel_tagged)


def read_ruamel_safe(text: str) -> Any:
    # pure=True: the C loader, where installed, follows YAML 1.1 rules; we want 1.2.
    y = YAML(typ="safe", pure=True)
    y.Constructor = _RuamelTaggedConstructor
    return y.load(text)


def read_ruamel_rt(text: str) -> Any:
    """Round-trip loader: keeps tags on its own node types; normalised to plain values here."""
    y = YAML(typ="rt")
    return _plain_rt(y.load(text))


def _rt_tag(obj: Any) -> str | None:
    tag = getattr(obj, "tag", None)
    value = getattr(tag, "value", None)
    if isinstance(value, str) and value.startswith("!") and not value.startswith("!!"):
        return value[1:]
    return None


def _plain_rt(obj: Any) -> Any:
    """ruamel round-trip values -> the same plain Python values the safe loaders give."""
    if isinstance(obj, TaggedScalar):
        return Tagged(_rt_tag(obj) or "?", str(obj.value))
    if isinstance(obj, CommentedMap):
        plain = {_plain_rt(k): _plain_rt(v) for k, v in obj.items()}
        tag = _rt_tag(obj)
        return Tagged(tag, plain) if tag else plain
    if isinstance(obj, CommentedSeq):
        plain = [_plain_rt(v) for v in obj]
        tag = _rt_tag(obj)
        return Tagged(tag, plain) if tag else plain
    name = type(obj).__name__
    if name == "ScalarBoolean":
        return bool(obj)
    if isinstance(obj, bool) or obj is None:
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return float(obj)
    if isinstance(obj, str):
        return str(obj)
    return obj  # dates, timestamps, bytes: compared (and rejected) as they are


READERS = {
    "PyYAML (YAML 1.1, SafeLoader)": read_pyyaml,
    "ruamel.yaml (YAML 1.2, typ=safe)": read_ruamel_safe,
    "ruamel.yaml (YAML 1.2, typ=rt)": read_ruamel_rt,
}


# --- Long-form loading for the tools -------------------------------------------------

class _CfnLoader(yaml.SafeLoader):
    """PyYAML SafeLoader turning short-form intrinsics into their long form."""


def _long_form(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "GetAtt" and isinstance(value, str):
        # `!GetAtt A.B.C` is ["A", "B.C"]: the logical id has no dots, attributes may.
        value = value.split(".", 1)
    key = suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}"
    return {key: value}


_CfnLoader.add_multi_constructor("!", _long_form)


def load_template(path: Path | str) -> dict:
    """The template at `path` (YAML or JSON) as a dict with long-form intrinsics."""
    text = Path(path).read_text()
    data = yaml.load(text, Loader=_CfnLoader)  # noqa: S506 - a SafeLoader subclass
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the template is not a mapping")
    return data


def is_sam(template: dict) -> bool:
    transform = template.get("Transform")
    transforms = transform if isinstance(transform, list) else [transform]
    return any(t == "AWS::Serverless-2016-10-31" for t in transforms)


class NotJSON(ValueError):
    """A value that has no JSON (and so no CloudFormation) meaning, like a YAML 1.1 date."""


def json_ready(obj: Any, path: str = "") -> Any:
    """Check that `obj` holds only JSON values; raise NotJSON naming the first path that doesn't."""
    if isinstance(obj, dict):
        return {k: json_ready(v, f"{path}.{k}" if path else str(k)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [json_ready(v, f"{path}[{i}]") for i, v in enumerate(obj)]
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    raise NotJSON(f"{path}: {type(obj).__name__} {obj!r} is not a JSON value (an unquoted date?)")


def dump_json(template: dict, path: Path) -> None:
    path.write_text(json.dumps(json_ready(template), indent=2) + "\n")


# --- Line numbers --------------------------------------------------------------------

def line_of(text: str, positions: list[int]) -> int | None:
    """1-based line of the node reached by following item positions from the root.

    Positions, not keys: two readers can disagree on what a key *is* (`on` is True in
    YAML 1.1), but they agree on where it is.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for pos in positions:
        if isinstance(node, yaml.MappingNode) and pos < len(node.value):
            node = node.value[pos][1]
        elif isinstance(node, yaml.SequenceNode) and pos < len(node.value):
            node = node.value[pos]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None

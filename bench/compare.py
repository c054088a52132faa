"""Checks that two templates declare the same thing: same parameters, resources (type,
properties, DeletionPolicy, ...), conditions, mappings and outputs, compared as data (key
order, YAML vs JSON and short vs long intrinsic forms do not matter; types do: 5 is not "5").

    python bench/compare.py INFRA.yaml OTHER.(yaml|json)

Exit 0 when equal, 1 with the differences. bench/run uses it to check that the troposphere
and CDK stacks it times are faithful to infra's. Runs in bench/.venv-bench (cfn-flip comes
with troposphere).
"""
import json
import sys

from cfn_flip import load_yaml

SECTIONS = ("AWSTemplateFormatVersion", "Description", "Parameters", "Mappings", "Conditions",
            "Resources", "Outputs")


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return json.loads(text) if path.endswith(".json") else load_yaml(text)


def plain(value):
    """Ordered dicts to dicts, and GetAtt's "A.B" string form to its [A, B] list form."""
    if isinstance(value, dict):
        out = {k: plain(v) for k, v in value.items()}
        attr = out.get("Fn::GetAtt")
        if len(out) == 1 and isinstance(attr, str):
            out["Fn::GetAtt"] = attr.split(".", 1)
        return out
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def differences(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            where = f"{path}.{key}" if path else key
            if key not in a:
                yield f"{where}: only in the other template"
            elif key not in b:
                yield f"{where}: only in infra's template"
            else:
                yield from differences(a[key], b[key], where)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b or type(a) is not type(b):
        yield f"{path}: infra {json.dumps(a)[:120]} vs other {json.dumps(b)[:120]}"


def main():
    infra, other = (plain(load(p)) for p in sys.argv[1:3])
    # A JSON template written by CDK has no format version unless asked; it means the same.
    other.setdefault("AWSTemplateFormatVersion", infra.get("AWSTemplateFormatVersion"))
    a = {k: infra[k] for k in SECTIONS if k in infra}
    b = {k: other[k] for k in SECTIONS if k in other}
    extra = sorted(set(other) - set(SECTIONS))
    found = list(differences(a, b)) + [f"{k}: a section infra's template does not have" for k in extra]
    if found:
        print(f"{sys.argv[2]} differs from {sys.argv[1]}:")
        for line in found[:40]:
            print("  " + line)
        if len(found) > 40:
            print(f"  ... and {len(found) - 40} more")
        sys.exit(1)
    print(f"same template: {sys.argv[1]} and {sys.argv[2]} ({len(a.get('Resources', {}))} resources)")


if __name__ == "__main__":
    main()

"""Hostile inputs for `infra diff --against`: what a template "from elsewhere" can be.

Stdlib only, so both the acceptance suite (acceptance/checks/diff_hostile.py) and the
benchmark (bench/bench.py, part `hostile`) generate the same files at run time.

Each case is (name, files, arguments, expectation): `files` is a function that writes the
input into a folder and returns the path given to `--against`; `expect` is the exit code
wanted (2: a clear error, None: any result 0, 1 or 3), and `says` a text that stdout or
stderr must contain.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

STACK = "cruddur-messaging"
SAM_TRANSFORM = "AWS::Serverless-2016-10-31"

# A small valid template: one queue.
QUEUE_YAML = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n"


def wrap(body: str) -> str:
    """What `aws cloudformation get-template --output json` saves for a YAML template."""
    return json.dumps({"TemplateBody": body, "StagesAvailable": ["Original", "Processed"]}, indent=4)


def self_wrapping(levels: int) -> str:
    """A template whose TemplateBody is a template whose TemplateBody is ..., `levels` deep
    (YAML block scalars: each level indents the rest by two spaces, so the size grows with
    the square of the depth: 2,500 levels are about 6 MB)."""
    lines = QUEUE_YAML.splitlines()
    for _ in range(levels):
        lines = ["TemplateBody: |"] + ["  " + line for line in lines]
    return "\n".join(lines) + "\n"


def plain_template(size: int) -> Path | str:
    """A plain YAML template of about `size` bytes: many queues."""
    head = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
    one = "  Queue{:08d}:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n"
    count = max(1, (size - len(head)) // len(one.format(0)))
    return head + "".join(one.format(i) for i in range(count))


def deep_nesting(levels: int) -> str:
    return ("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: "
            + "[" * levels + "]" * levels + "\n")


def alias_bomb(levels: int = 9) -> str:
    """Billion laughs: each anchor refers ten times to the one before."""
    lines = ["a0: &a0 [lol]"]
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *a{levels}")
    return "\n".join(lines) + "\n"


def surrogate_json(fresh_yaml: str | None = None) -> str:
    """A JSON template as Python's json.dump writes it: non-ASCII as surrogate-pair escapes."""
    template = {"AWSTemplateFormatVersion": "2010-09-09", "Description": "Rocket \U0001F680 launch",
                "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    return json.dumps(template)  # ensure_ascii=True: "\ud83d\ude80"


def many_outputs(count: int = 35_000) -> str:
    """Within the limits (0.8 MB), but tens of thousands of entries in one section."""
    outputs = {f"O{i}": {"Value": "x"} for i in range(count)}
    return json.dumps({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}, "Outputs": outputs})


def control_characters() -> str:
    esc, bel = "\x1b", "\x07"
    return json.dumps({
        "Resources": {
            f"Evil{esc}]0;pwned{bel}": {"Type": "AWS::SQS::Queue",
                                         "Properties": {"QueueName": f"red{esc}[31mtext{esc}[0m"}},
            "Img<img src=x onerror=alert(1)>": {"Type": "AWS::SQS::Queue"},
            "Link[click](https://example.com)": {"Type": "AWS::SQS::Queue"},
        },
        "Outputs": {f"Out{esc}[2J": {"Value": "x`y``z|w"}},
    })


@dataclass
class Case:
    name: str
    write: Callable[[Path], Path]
    extra: list[str] = field(default_factory=list)
    expect: int | None = 2
    says: str = ""
    # Bytes that must not appear in stdout (raw control characters, injected markup).
    forbidden: tuple[str, ...] = ()
    # Arguments that replace the usual `--stack STACK --against PATH`.
    arguments: Callable[[Path], list[str]] | None = None


def _file(name: str, text: str | Callable[[], str]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_text(text() if callable(text) else text, encoding="utf-8")
        return path
    return write


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        with open(path, "wb") as f:
            f.write(QUEUE_YAML.encode())
            f.truncate(size)
        return path
    return write


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.yaml"
    os.mkfifo(path)
    return path


def _two_flavors(folder: Path) -> Path:
    d = folder / "two-flavors"
    d.mkdir()
    (d / f"{STACK}.yaml").write_text(QUEUE_YAML)
    (d / f"{STACK}.json").write_text(json.dumps({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}))
    return d


def _saved_sam(repo: Path) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / "saved.json"
        path.write_text(wrap((repo / "out" / f"{STACK}.sam.yaml").read_text()))
        return path
    return write


def cases(repo: Path, big: bool = True) -> list[Case]:
    """The corpus. `big` adds the slow-to-write ones (a 200 MB sparse file is cheap; the
    20 MB real template takes a second)."""
    found = [
        # 1,000 levels are 1 MB (under both limits), 1,600 are 2.5 MiB (over CloudFormation's
        # 1 MB for a template), 2,500 are 6 MiB (over the 4 MiB read from a file).
        Case("self-wrap-2", _file("wrap2.yaml", lambda: self_wrapping(2)), says="get-template"),
        Case("self-wrap-1000", _file("wrap1000.yaml", lambda: self_wrapping(1000)), says="get-template"),
        Case("self-wrap-1600", _file("wrap1600.yaml", lambda: self_wrapping(1600)), says="1 MB limit"),
        Case("self-wrap-2500", _file("wrap2500.yaml", lambda: self_wrapping(2500)), says="larger than"),
        Case("huge-sparse-200MB", _sparse("huge.yaml", 200 * 1024 * 1024), says="larger than"),
        Case("deep-nesting", _file("deep.yaml", lambda: deep_nesting(100_000)), says="nesting deeper than"),
        Case("alias-bomb", _file("bomb.yaml", alias_bomb), says="not supported"),
        Case("unknown-tag", _file("tag.yaml", "Resources:\n  Queue:\n    Type: !Foo AWS::SQS::Queue\n"),
             says="!Foo"),
        Case("fifo", _fifo, says="not a regular file"),
        Case("dev-zero", lambda _folder: Path("/dev/zero"), says="not a regular file"),
        Case("same-stack-yaml-and-json", _two_flavors, says="both"),
        Case("many-outputs-35000", _file("outputs.json", many_outputs), expect=None, says="35000 outputs removed"),
        Case("surrogate-json", _file("surrogates.json", surrogate_json), expect=None, says="\U0001F680"),
        Case("control-characters-text", _file("ctl.json", control_characters), expect=None, says="Evil",
             forbidden=("\x1b", "\x07")),
        Case("control-characters-markdown", _file("ctl.json", control_characters), expect=None, says="Evil",
             extra=["--format", "markdown"], forbidden=("\x1b", "\x07", "<img", "](https://")),
        Case("control-characters-json", _file("ctl.json", control_characters), expect=None, says="Evil",
             extra=["--format", "json"], forbidden=("\x1b", "\x07")),
        Case("get-template-sam-flavor", _saved_sam(repo), expect=0, says="no changes"),
        Case("stack-option-30000", lambda _folder: Path(), expect=0, says="no changes",
             arguments=lambda _path: ["--stack", STACK] * 30_000),
    ]
    if big:
        found.append(Case("plain-20MB", _file("plain20.yaml", lambda: plain_template(20 * 1024 * 1024)),
                          says="larger than"))
    return found

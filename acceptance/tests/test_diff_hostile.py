"""The diff-hostile check fails when `infra diff` crashes, hangs, exits wrongly or leaks raw bytes."""

from __future__ import annotations

import os
from pathlib import Path

from acceptance.checks import diff_hostile
from acceptance.hostile_inputs import Case


def fake_infra(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "infra"
    script.write_text("#!/bin/sh\n" + body + "\n")
    os.chmod(script, 0o755)
    return script


def case(**kwargs) -> Case:
    return Case("t", lambda folder: folder / "x.yaml", **kwargs)


def test_a_clear_error_passes(tmp_path):
    infra = fake_infra(tmp_path, "echo 'error: it is 6 MiB, larger than the 4 MiB' >&2; exit 2")
    assert diff_hostile.run_case(infra, case(says="larger than"), tmp_path).ok


def test_a_crash_fails(tmp_path):
    infra = fake_infra(tmp_path, "kill -ABRT $$")
    result = diff_hostile.run_case(infra, case(), tmp_path)
    assert not result.ok and "signal 6" in result.message


def test_a_usage_error_where_input_was_bad_fails(tmp_path):
    infra = fake_infra(tmp_path, "echo 'Error: x' >&2; exit 64")
    assert not diff_hostile.run_case(infra, case(), tmp_path).ok


def test_raw_control_characters_and_markup_fail(tmp_path):
    infra = fake_infra(tmp_path, r"printf 'Evil\033]0;x\007\n'; exit 3")
    result = diff_hostile.run_case(infra, case(expect=None, forbidden=("\x1b",)), tmp_path)
    assert not result.ok and "stdout holds" in result.message
    infra = fake_infra(tmp_path, "echo '| `<img src=x>` | <img src=y> |'; exit 3")
    result = diff_hostile.run_case(infra, case(expect=None, extra=["--format", "markdown"], forbidden=("<img",)), tmp_path)
    assert not result.ok
    infra = fake_infra(tmp_path, "echo '| `<img src=x>` | \\[a\\](b) |'; exit 3")
    assert diff_hostile.run_case(infra, case(expect=None, extra=["--format", "markdown"],
                                             forbidden=("<img", "](")), tmp_path).ok

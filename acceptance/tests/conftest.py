"""Fixtures for the suite's own tests: the hand-written templates, broken copies, a moto server."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from acceptance.common import aws_env  # noqa: E402
from acceptance.moto_server import MotoServer  # noqa: E402

FIXTURES = REPO / "acceptance" / "fixtures"
CFN = FIXTURES / "cruddur-messaging.yaml"
SAM = FIXTURES / "cruddur-messaging.sam.yaml"

os.environ.update(aws_env())


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace `old` (which must be there) in a fixture's text, so a typo here fails loudly."""
    assert old in text, f"the fixture no longer contains {old!r}"
    return text.replace(old, new, count)


@pytest.fixture
def broken(tmp_path: Path):
    """broken(fixture, old, new) -> a copy of the fixture, same file name, with one edit."""

    def make(fixture: Path, old: str, new: str, count: int = 1, name: str | None = None) -> Path:
        out = tmp_path / (name or fixture.name)
        out.write_text(edit(fixture.read_text(), old, new, count))
        return out

    return make


@pytest.fixture(scope="session")
def moto(tmp_path_factory):
    server = MotoServer(tmp_path_factory.mktemp("moto") / "server.log")
    with server:
        yield server

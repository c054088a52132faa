"""The generated-code check fails when the committed catalog differs from what the generator makes."""

from __future__ import annotations

import shutil

from conftest import REPO

from acceptance.checks import generated


def copy_generated(tmp_path):
    for relative in ("Sources/CResourceCatalog/catalog.bin", "Sources/ResourceCatalog/Generated/CatalogSources.swift",
                     "acceptance/requirements.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, target)


def test_an_up_to_date_catalog_passes(tmp_path):
    copy_generated(tmp_path)
    result = generated.check(tmp_path)
    assert result.ok, result.details


def test_a_changed_byte_in_the_catalog_fails(tmp_path):
    copy_generated(tmp_path)
    binary = tmp_path / "Sources/CResourceCatalog/catalog.bin"
    data = bytearray(binary.read_bytes())
    data[-1] ^= 0x01
    binary.write_bytes(bytes(data))
    result = generated.check(tmp_path)
    assert not result.ok
    assert "catalog.bin" in " ".join(result.details)


def test_a_hand_edit_of_the_generated_swift_fails(tmp_path):
    copy_generated(tmp_path)
    swift = tmp_path / "Sources/ResourceCatalog/Generated/CatalogSources.swift"
    swift.write_text(swift.read_text().replace("resources = 500", "resources = 501"))
    assert not generated.check(tmp_path).ok

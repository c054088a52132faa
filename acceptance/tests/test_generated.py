"""The generated-code check fails when the committed catalog or generated resources differ from
what the generators make."""

from __future__ import annotations

import shutil

from conftest import REPO

from acceptance.checks import generated


def copy_generated(tmp_path):
    for relative in ("Sources/CResourceCatalog/catalog.bin", "Sources/ResourceCatalog/Generated/CatalogSources.swift",
                     "acceptance/requirements.txt", "Package.swift", "scripts/resource-services.txt",
                     "scripts/decodable-types.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, target)
    shutil.copytree(REPO / "Sources/AWSGenerated", tmp_path / "Sources/AWSGenerated")


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


def test_a_hand_edit_of_a_generated_resource_fails(tmp_path):
    copy_generated(tmp_path)
    bucket = tmp_path / "Sources/AWSGenerated/AWSS3/CfnBucket.swift"
    original = bucket.read_text()
    edited = original.replace('properties.appendNew("BucketName",', 'properties.appendNew("BucketNames",')
    assert edited != original, "the hand edit must change the file"
    bucket.write_text(edited)
    result = generated.check(tmp_path)
    assert not result.ok
    assert "CfnBucket.swift" in " ".join(result.details)


def test_a_stray_file_among_the_generated_resources_fails(tmp_path):
    copy_generated(tmp_path)
    (tmp_path / "Sources/AWSGenerated/AWSS3/Extra.swift").write_text("// hand-written\n")
    result = generated.check(tmp_path)
    assert not result.ok
    assert "Extra.swift (not generated)" in " ".join(result.details)


def test_a_service_listed_but_not_generated_fails(tmp_path):
    copy_generated(tmp_path)
    services = tmp_path / "scripts/resource-services.txt"
    services.write_text(services.read_text() + "Batch\n")
    result = generated.check(tmp_path)
    assert not result.ok
    assert "AWSBatch" in " ".join(result.details) or "Package.swift" in " ".join(result.details)


def test_a_module_missing_from_package_swift_fails(tmp_path):
    copy_generated(tmp_path)
    package = tmp_path / "Package.swift"
    package.write_text(package.read_text().replace('    "AWSKinesis",\n', ""))
    result = generated.check(tmp_path)
    assert not result.ok
    assert "Package.swift" in " ".join(result.details)


def test_adding_a_service_is_one_command(tmp_path):
    copy_generated(tmp_path)
    proc = generated.run([generated.sys.executable, str(REPO / "scripts" / "generate-resources"), "--add", "Batch",
                          "--root", str(tmp_path)], timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Batch" in (tmp_path / "scripts/resource-services.txt").read_text().splitlines()
    assert '    "AWSBatch",' in (tmp_path / "Package.swift").read_text()
    assert (tmp_path / "Sources/AWSGenerated/AWSBatch/CfnJobDefinition.swift").exists()
    assert generated.check(tmp_path).ok

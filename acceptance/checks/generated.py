"""generated: the committed generated code is what the generators make from the pinned cfn-lint
(acceptance/requirements.txt), byte for byte: the resource catalog (scripts/generate-catalog)
and the typed L1 resources with Package.swift's list of their modules
(scripts/generate-resources)."""

from __future__ import annotations

import sys

from acceptance.common import REPO, Result, run

CHECK = "generated"

GENERATORS = (
    ("generate-catalog", "Sources/CResourceCatalog", "the catalog"),
    ("generate-resources", "Sources/AWSGenerated", "the generated resources"),
)


def check(root=REPO) -> Result:
    summaries = []
    for script, subject, what in GENERATORS:
        proc = run([sys.executable, str(REPO / "scripts" / script), "--check", "--root", str(root)], timeout=300)
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode != 0:
            return Result(CHECK, subject, False, f"{what} is out of date or cannot be generated",
                          output.splitlines()[-10:])
        summaries.append(output.splitlines()[-1] if output else f"{script}: up to date")
    return Result(CHECK, "Sources/CResourceCatalog, Sources/AWSGenerated", True, "; ".join(summaries))

"""generated: the committed resource catalog is what scripts/generate-catalog makes from the
pinned cfn-lint (acceptance/requirements.txt), byte for byte."""

from __future__ import annotations

import sys

from acceptance.common import REPO, Result, run

CHECK = "generated"


def check(root=REPO) -> Result:
    proc = run([sys.executable, str(REPO / "scripts" / "generate-catalog"), "--check", "--root", str(root)], timeout=300)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        return Result(CHECK, "Sources/CResourceCatalog", False, "the catalog is out of date or cannot be generated",
                      output.splitlines()[-10:])
    return Result(CHECK, "Sources/CResourceCatalog", True, output.splitlines()[-1] if output else "up to date")

"""synth-kill fails on a synth that is not all-or-nothing: a stand-in `infra` that copies the
files one by one through a staging folder, as synth once did, and repairs nothing."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

from conftest import REPO

from acceptance.checks import synth_kill

FAKE = '''#!{python}
import filecmp, os, shutil, sys, time
from pathlib import Path
golden = Path({golden!r})
root = Path(sys.argv[sys.argv.index("--root") + 1])
out = root / "out"
names = sorted(str(p.relative_to(golden)) for p in golden.rglob("*") if p.is_file())
if "--check" in sys.argv:
    seen = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    same = seen == names and all(filecmp.cmp(golden / n, out / n, shallow=False) for n in names)
    sys.exit(0 if same else 1)
staging = out / f".infra-staging-{{os.getpid()}}"
staging.mkdir(parents=True)
for n in names:
    time.sleep(0.004)
    (out / n).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(golden / n, out / n)
for p in sorted(out.rglob("*.yaml")):
    if str(p.relative_to(out)) not in names and not p.name.startswith("."):
        p.unlink()
shutil.rmtree(staging)
'''


def test_a_synth_that_writes_file_by_file_fails(tmp_path: Path):
    golden = tmp_path / "golden"
    shutil.copytree(REPO / "out", golden)
    fake = tmp_path / "infra"
    fake.write_text(FAKE.format(python=sys.executable, golden=str(golden)))
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    result = synth_kill.check(seed=1, exe=fake, rounds_limit=12, budget=20)
    assert not result.ok, result.render()
    assert "leftovers" in result.render() or "neither the old nor the new" in result.render(), result.render()

"""workflow-lint: passes on the repository's workflows, fails on broken copies with the reason."""

from __future__ import annotations

import shutil

from acceptance.checks import workflow_lint

WORKFLOW = workflow_lint.WORKFLOWS / "infra.yml"


def lint_copy(tmp_path, old: str, new: str):
    text = WORKFLOW.read_text()
    assert old in text, f"the workflow no longer contains {old!r}"
    folder = tmp_path / "workflows"
    folder.mkdir()
    (folder / "infra.yml").write_text(text.replace(old, new, 1))
    results = workflow_lint.check(folder)
    assert len(results) == 1
    return results[0]


def test_the_repository_workflows_pass():
    results = workflow_lint.check()
    assert results and all(r.ok for r in results), "\n".join(r.render() for r in results)


def test_script_injection_fails(tmp_path):
    r = lint_copy(tmp_path, 'git worktree add --detach "$RUNNER_TEMP/base" "$BASE_SHA"',
                  'echo "${{ github.event.pull_request.title }}"\n          git worktree add --detach "$RUNNER_TEMP/base" "$BASE_SHA"')
    assert not r.ok and "script injection" in r.render() and "pull_request.title" in r.render()


def test_missing_permissions_and_timeout_fail(tmp_path):
    r = lint_copy(tmp_path, "permissions:\n  contents: read\n", "")
    assert not r.ok and "no top-level permissions" in r.render()
    shutil.rmtree(tmp_path / "workflows")
    r = lint_copy(tmp_path, "    timeout-minutes: 60\n", "")
    assert not r.ok and "has no timeout-minutes" in r.render()


def test_a_schema_error_fails(tmp_path):
    r = lint_copy(tmp_path, "    runs-on: ubuntu-24.04\n    container:", "    runs-onn: ubuntu-24.04\n    container:")
    assert not r.ok and "check-jsonschema" in r.render()


def test_a_pr_workflow_must_run_the_tests(tmp_path):
    r = lint_copy(tmp_path, "run: scripts/test", "run: echo skipped")
    assert not r.ok and "never runs `scripts/test`" in r.render()

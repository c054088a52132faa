"""The runner and the checks around it: nothing to check is a failure, the summary line is exact,
a broken template fails the run naming the file; the corpus and Lambda-test checks can fail."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

from conftest import CFN, REPO, SAM

from acceptance.checks import lambda_tests, yaml_corpus

STATIC_ONLY = "swift-test,selftest,generated,synth-check,synth-kill,yaml-corpus,diff-hostile,deploy,infra-deploy,lambda-tests,examples,platform-example,fixtures,catalog-parity,workflow-lint"
SUMMARY = re.compile(r"^acceptance: (\d+) passed, (\d+) failed$")


def run_suite(templates, skip=STATIC_ONLY):
    proc = subprocess.run([sys.executable, "-m", "acceptance.run", "--templates", str(templates), "--skip", skip],
                          cwd=REPO, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    lines = proc.stdout.rstrip().splitlines()
    m = SUMMARY.match(lines[-1]) if lines else None
    assert m, f"last line is not the summary:\n{proc.stdout}\n{proc.stderr}"
    return proc, int(m.group(1)), int(m.group(2))


def test_no_templates_is_a_failure(tmp_path):
    proc, passed, failed = run_suite(tmp_path)
    assert proc.returncode == 1 and failed >= 1
    assert "FAIL templates" in proc.stdout and "no *.yaml templates" in proc.stdout


def test_good_templates_pass_and_summary_is_exact(tmp_path):
    shutil.copy(CFN, tmp_path)
    shutil.copy(SAM, tmp_path)
    proc, passed, failed = run_suite(tmp_path)
    assert proc.returncode == 0, proc.stdout
    # templates + 2 x (cfn-lint, yaml-meaning) + sam-translate + 6 aspects of sam-equivalence
    assert (passed, failed) == (12, 0), proc.stdout


def test_broken_template_fails_the_run_naming_file_and_problem(tmp_path):
    (tmp_path / CFN.name).write_text(CFN.read_text().replace("      BatchSize: 1\n", "      BatchSzie: 1\n"))
    shutil.copy(SAM, tmp_path)
    proc, passed, failed = run_suite(tmp_path)
    # cfn-lint names the misspelling; sam-equivalence sees the mapping differ from the SAM twin.
    assert proc.returncode == 1 and failed == 2
    assert re.search(r"^FAIL cfn-lint .*cruddur-messaging\.yaml: 1 error", proc.stdout, re.M)
    assert re.search(r"^FAIL sam-equivalence .*: event-source mappings differ", proc.stdout, re.M)
    assert "BatchSzie" in proc.stdout


def test_sam_flavour_must_match_file_name(tmp_path):
    shutil.copy(SAM, tmp_path / "cruddur-messaging-sam.yaml")
    proc, _, _ = run_suite(tmp_path)
    assert proc.returncode == 1
    assert "has Transform: AWS::Serverless-2016-10-31 but is not named *.sam.yaml" in proc.stdout


def test_no_sam_template_is_reported(tmp_path):
    shutil.copy(CFN, tmp_path)
    proc, _, _ = run_suite(tmp_path)
    assert "FAIL sam-translate" in proc.stdout and "no SAM-flavour template" in proc.stdout


# --- the YAML corpus check (own comparison; the YAML engineer's script replaces it if present) --

def write_corpus(d, strings, yaml_text):
    (d / "strings.json").write_text(json.dumps(strings))
    (d / "strings.yaml").write_text(yaml_text)


def test_corpus_passes_when_every_string_reads_back(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_corpus, "EXTERNAL", tmp_path / "absent.py")
    write_corpus(tmp_path, ["on", "2012-10-17", "0777", "plain"],
                 "- 'on'\n- '2012-10-17'\n- '0777'\n- plain\n")
    r = yaml_corpus.check_dir(tmp_path)
    assert r.ok, r.render()


def test_corpus_fails_on_a_string_that_reads_as_something_else(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_corpus, "EXTERNAL", tmp_path / "absent.py")
    write_corpus(tmp_path, ["on", "2012-10-17", "plain"], "- on\n- 2012-10-17\n- plain\n")
    r = yaml_corpus.check_dir(tmp_path)
    assert not r.ok
    out = r.render()
    assert "[0]: expected str 'on', read bool True" in out and "[1]: expected str '2012-10-17', read date" in out


def test_corpus_with_no_strings_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_corpus, "EXTERNAL", tmp_path / "absent.py")
    write_corpus(tmp_path, [], "[]\n")
    assert not yaml_corpus.check_dir(tmp_path).ok


def test_corpus_missing_files_fail(tmp_path):
    r = yaml_corpus.check_dir(tmp_path)
    assert not r.ok and "did not write strings.yaml, strings.json" in r.message


# --- the Lambda code's tests -----------------------------------------------------------------

def test_lambda_tests_none_found_is_a_failure(tmp_path):
    [r] = lambda_tests.check_all(tmp_path)
    assert not r.ok and "no templates/*/tests/" in r.message


def test_lambda_tests_report_failures_and_empty_suites(tmp_path):
    (tmp_path / "good" / "tests").mkdir(parents=True)
    (tmp_path / "good" / "tests" / "test_ok.py").write_text("def test_ok():\n    assert True\n")
    (tmp_path / "bad" / "tests").mkdir(parents=True)
    (tmp_path / "bad" / "tests" / "test_no.py").write_text("def test_no():\n    assert 1 == 2\n")
    (tmp_path / "empty" / "tests").mkdir(parents=True)
    results = {r.file.split("/")[-2]: r for r in lambda_tests.check_all(tmp_path)}
    assert results["good"].ok
    assert not results["bad"].ok and "test_no" in results["bad"].render()
    assert not results["empty"].ok and "collected no tests" in results["empty"].message

"""cfn-lint, YAML meaning and SAM translation: pass on the good fixtures, fail on broken copies
with a message that names the file and the problem."""

from __future__ import annotations

import pytest
from conftest import CFN, SAM

from acceptance.checks import cfn_lint, sam_translate, yaml_meaning

POLICY_VERSION = "          PolicyDocument:\n            Version: '2012-10-17'"
UNQUOTED_VERSION = "          PolicyDocument:\n            Version: 2012-10-17"
GSI_ATTRIBUTE = "        - AttributeName: message_group_uuid\n          AttributeType: S\n"


def text_of(result) -> str:
    return result.render()


# --- cfn-lint --------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", [CFN, SAM], ids=["cfn", "sam"])
def test_cfn_lint_passes_good_fixture(fixture):
    r = cfn_lint.check(fixture)
    assert r.ok, text_of(r)


def test_cfn_lint_fails_misspelled_property(broken):
    bad = broken(CFN, "      BatchSize: 1\n", "      BatchSzie: 1\n")
    r = cfn_lint.check(bad)
    assert not r.ok
    out = text_of(r)
    assert "cruddur-messaging.yaml:" in out and "E3002" in out and "BatchSzie" in out


def test_cfn_lint_fails_missing_gsi_attribute_definition(broken):
    bad = broken(CFN, GSI_ATTRIBUTE, "")
    r = cfn_lint.check(bad)
    assert not r.ok
    out = text_of(r)
    assert "cruddur-messaging.yaml:" in out and "E3039" in out and "message_group_uuid" in out


def test_cfn_lint_fails_on_a_warning(broken):
    # W3011: a table that is retained on delete but replaced on update.
    bad = broken(CFN, "    UpdateReplacePolicy: Retain\n", "")
    r = cfn_lint.check(bad)
    assert not r.ok and "W3011" in text_of(r) and "cruddur-messaging.yaml" in text_of(r)


IGNORE = ("    Type: AWS::DynamoDB::Table\n",
          "    Type: AWS::DynamoDB::Table\n    Metadata:\n      cfn-lint:\n        config:\n"
          "          ignore_checks: [W3011]\n")
REASON = "      infra:\n        lintIgnoreReasons:\n          W3011: replaced only by hand, after a backup\n"


def test_ignored_rule_without_reason_fails(broken):
    bad = broken(CFN, "    UpdateReplacePolicy: Retain\n", "")
    bad.write_text(bad.read_text().replace(*IGNORE))
    r = cfn_lint.check(bad)
    assert not r.ok
    assert "W3011 is ignored without a reason" in text_of(r) and "Resources.Messages.Metadata" in text_of(r)


def test_ignored_rule_with_reason_passes(broken):
    ok = broken(CFN, "    UpdateReplacePolicy: Retain\n", "")
    ok.write_text(ok.read_text().replace(IGNORE[0], IGNORE[1] + REASON))
    r = cfn_lint.check(ok)
    assert r.ok, text_of(r)


def test_reason_for_a_rule_not_ignored_fails(broken):
    bad = broken(CFN, "    Type: AWS::DynamoDB::Table\n", "    Type: AWS::DynamoDB::Table\n    Metadata:\n" + REASON)
    r = cfn_lint.check(bad)
    assert not r.ok and "W3011 is not in Metadata.cfn-lint.config.ignore_checks" in text_of(r)


def test_template_level_ignore_needs_reason_too(broken):
    bad = broken(CFN, "Parameters:\n", "Metadata:\n  cfn-lint:\n    config:\n      ignore_checks:\n"
                                       "        - W3011\nParameters:\n")
    r = cfn_lint.check(bad)
    assert not r.ok and "Metadata: cfn-lint rule W3011 is ignored without a reason" in text_of(r)


# --- YAML meaning ------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", [CFN, SAM], ids=["cfn", "sam"])
def test_yaml_meaning_passes_good_fixture(fixture):
    r = yaml_meaning.check(fixture)
    assert r.ok, text_of(r)


def test_yaml_meaning_fails_unquoted_policy_version(broken):
    bad = broken(CFN, POLICY_VERSION, UNQUOTED_VERSION)
    r = yaml_meaning.check(bad)
    assert not r.ok
    out = text_of(r)
    line = bad.read_text().splitlines().index("            Version: 2012-10-17") + 1
    assert f"cruddur-messaging.yaml:{line}:" in out
    assert "Policies[0].PolicyDocument.Version" in out and "date" in out and "'2012-10-17'" in out


def test_unquoted_date_is_not_caught_by_cfn_lint(broken):
    """Why the YAML-meaning check exists: cfn-lint reads the date as a string and is happy."""
    bad = broken(CFN, POLICY_VERSION, UNQUOTED_VERSION)
    assert cfn_lint.check(bad).ok


@pytest.mark.parametrize("old,new,words", [
    ("INDEX_NAME: message-group-sk-index", "INDEX_NAME: on", ["INDEX_NAME", "bool True", "str 'on'"]),
    ("MemorySize: 128", "MemorySize: 0200", ["MemorySize", "int 128", "int 200"]),
    ("StartingPosition: LATEST", "StartingPosition: 12:30", ["StartingPosition", "int 750", "str '12:30'"]),
])
def test_yaml_meaning_fails_scalars_read_differently(broken, old, new, words):
    r = yaml_meaning.check(broken(CFN, old, new))
    assert not r.ok
    out = text_of(r)
    assert "cruddur-messaging.yaml:" in out
    for w in words:
        assert w in out


def test_yaml_meaning_fails_duplicate_key(broken):
    r = yaml_meaning.check(broken(CFN, "      MemorySize: 128\n", "      MemorySize: 128\n      MemorySize: 256\n"))
    assert not r.ok and "duplicate key" in text_of(r)


# --- SAM translation ---------------------------------------------------------------------

def test_sam_translates_and_lints(tmp_path):
    r, out = sam_translate.check(SAM, tmp_path)
    assert r.ok, text_of(r)
    assert out is not None and out.exists()


def test_sam_translation_fails_missing_gsi_attribute(broken, tmp_path):
    bad = broken(SAM, GSI_ATTRIBUTE, "")
    r, _ = sam_translate.check(bad, tmp_path)
    assert not r.ok
    assert "cruddur-messaging.sam.yaml" in text_of(r) and "E3039" in text_of(r)


def test_sam_translation_fails_bad_event_property(broken, tmp_path):
    bad = broken(SAM, "            StartingPosition: LATEST\n", "            StartingPositon: LATEST\n")
    r, _ = sam_translate.check(bad, tmp_path)
    assert not r.ok
    assert "cruddur-messaging.sam.yaml" in text_of(r) and "StartingPositon" in text_of(r)


def test_sam_translation_fails_unquoted_date(broken, tmp_path):
    bad = broken(SAM, "        - Version: '2012-10-17'", "        - Version: 2012-10-17")
    r, _ = sam_translate.check(bad, tmp_path)
    assert not r.ok and "Version" in text_of(r) and "date" in text_of(r)

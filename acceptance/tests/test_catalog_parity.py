"""catalog-parity fails when infra misses a cfn-lint error, and accepts only explained exceptions."""

from __future__ import annotations

from acceptance.checks.catalog_parity import InfraError, LintError, compare, parse_infra

FILE = "acceptance/fixtures/catalog/nested-errors.json"
TYPE_ERROR = LintError(FILE, "E3012", ("Resources", "Table", "Properties", "TimeToLiveSpecification", "Enabled"),
                       "'maybe' is not of type 'boolean'")
REQUIRED = LintError(FILE, "E3003", ("Resources", "Table", "Properties", "ProvisionedThroughput"),
                     "'WriteCapacityUnits' is a required property")
INFRA = ("error: nested-errors: Table: Properties.TimeToLiveSpecification.Enabled: expects a boolean, not a string (maybe)\n"
         "error: nested-errors: Table: Properties.ProvisionedThroughput.WriteCapacityUnits: "
         "the required property WriteCapacityUnits is missing\n")


def corpus(result):
    return next(r for r in result if r.file == "corpus")


def test_every_error_matched_passes():
    infra = {FILE: parse_infra(FILE, "nested-errors", INFRA)}
    r = corpus(compare({FILE: [TYPE_ERROR, REQUIRED]}, infra, set()))
    assert r.ok, r.render()
    assert "2 matched by infra" in r.message


def test_a_missing_infra_error_fails_naming_it():
    # A fake infra output without the type error: the check must fail and say which.
    infra = {FILE: parse_infra(FILE, "nested-errors", INFRA.splitlines()[1])}
    r = corpus(compare({FILE: [TYPE_ERROR, REQUIRED]}, infra, set()))
    assert not r.ok
    assert "1 unexplained miss" in r.message
    assert any("MISSED" in d and "E3012" in d and "TimeToLiveSpecification/Enabled" in d for d in r.details)


def test_an_error_at_another_resource_or_path_does_not_count():
    elsewhere = [InfraError(FILE, "Worker", "Properties.TimeToLiveSpecification.Enabled", "error: elsewhere"),
                 InfraError(FILE, "Table", "Properties.BillingMode", "error: sibling")]
    r = corpus(compare({FILE: [TYPE_ERROR]}, {FILE: elsewhere}, set()))
    assert not r.ok and "1 unexplained miss" in r.message


def test_an_explained_exception_is_not_a_miss():
    e3039 = LintError(FILE, "E3039", ("Resources", "Table", "Properties"), "The set of Attributes ... must match")
    r = corpus(compare({FILE: [e3039]}, {FILE: []}, set()))
    assert r.ok and "1 explained exception" in r.message, r.render()


def test_infra_errors_on_out_fail_the_clean_result():
    out = "out/cruddur-messaging.yaml"
    infra = {out: [InfraError(out, "Table", "Properties.X", "error: cruddur-messaging: Table: Properties.X: bad")]}
    results = compare({FILE: [TYPE_ERROR]}, {**infra, FILE: parse_infra(FILE, "nested-errors", INFRA)}, {out})
    clean = next(r for r in results if r.file != "corpus")
    assert not clean.ok and "1 infra error" in clean.message

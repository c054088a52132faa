"""Issue 14 E: no silent overwrite of another group's row, malformed records
fail alone, and a message sk that is not a timestamp is rejected."""
import pytest
from boto3.dynamodb.conditions import Key

from test_messaging_stream import (G1, G2, OK, T0, T1, T2, TG2, all_rows, group_rows,
                                   insert_message, msg_row, record, seed_group, user)


def conversations(table, n):
    """What the app lists for user n: the GRP#u<n> partition, one row per group."""
    items = table.query(KeyConditionExpression=Key("pk").eq(f"GRP#u{n}"))["Items"]
    return sorted((r["message_group_uuid"], r["sk"], r["message"]) for r in items)


# ---------- E1: a row of another group at the same (pk, sk) is not overwritten ----------

def test_same_sk_in_two_groups_of_one_user_does_not_lose_a_conversation(fn, table, capsys):
    # user 1 talks with user 2 (G1) and with user 3 (G2); both groups get a
    # message with the same sk, so both want the row (GRP#u1, T1)
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 1, 3, sk=TG2)
    batch = [insert_message(table, "100", G1, T1, "in g1"),
             insert_message(table, "200", G2, T1, "in g2")]

    assert fn.lambda_handler({"Records": batch}, None) == {
        "batchItemFailures": [{"itemIdentifier": "200"}]}

    # G1's row is intact and G2's row for user 1 is still there at its old sk
    # (not deleted after a failed put): user 1 still sees both conversations
    assert conversations(table, 1) == [(G1, T1, "in g1"), (G2, TG2, "old message")]
    assert conversations(table, 2) == [(G1, T1, "in g1")]
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if l.startswith("200 FAILED"))
    assert "GRP#u1" in line and T1 in line and "another group" in line, line


def test_a_retry_of_the_colliding_record_fails_again_without_overwriting(fn, table):
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 1, 3, sk=TG2)
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "in g1")]}, None) == OK
    rec = insert_message(table, "200", G2, T1, "in g2")
    for _ in range(2):
        assert fn.lambda_handler({"Records": [rec]}, None) == {
            "batchItemFailures": [{"itemIdentifier": "200"}]}
        assert conversations(table, 1) == [(G1, T1, "in g1"), (G2, TG2, "old message")]


def test_a_group_may_replace_its_own_row_at_the_same_key(fn, table):
    # a previous attempt put u1's new row and died before deleting the old one;
    # the retry puts (GRP#u1, T1) again over the group's own row: allowed
    seed_group(table, G1, 1, 2)
    table.put_item(Item={"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1,
                         "message": "stale text", **user(2)})
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "hello")]}, None) == OK
    assert conversations(table, 1) == [(G1, T1, "hello")]
    assert [(r["pk"], r["sk"]) for r in group_rows(table, G1)] == [("GRP#u1", T1), ("GRP#u2", T1)]


# ---------- E2: a record that is not a mapping is that record's failure ----------

MALFORMED = [
    pytest.param("not a record", id="string"),
    pytest.param(["a", "list"], id="list"),
    pytest.param(None, id="null"),
    pytest.param({"eventName": "INSERT", "dynamodb": "a string"}, id="dynamodb-string"),
    pytest.param({"eventName": "INSERT", "dynamodb": ["a", "list"]}, id="dynamodb-list"),
    pytest.param({"eventName": "INSERT", "dynamodb": {"SequenceNumber": "200", "Keys": "x"}},
                 id="keys-string"),
]


@pytest.mark.parametrize("bad", MALFORMED)
def test_malformed_record_fails_alone_and_the_others_are_applied(fn, table, bad):
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 3, 4)
    batch = [insert_message(table, "100", G1, T1, "one"), bad,
             insert_message(table, "300", G2, T1, "three")]

    result = fn.lambda_handler({"Records": batch}, None)

    # Reported from the malformed record on. One without a readable
    # SequenceNumber is reported as null, which Lambda takes as the whole
    # batch failing: retried from the start (harmless), never skipped.
    seq = bad["dynamodb"].get("SequenceNumber") if isinstance(bad, dict) and isinstance(
        bad["dynamodb"], dict) else None
    assert result == {"batchItemFailures": [{"itemIdentifier": seq}, {"itemIdentifier": "300"}]}
    assert all(r["sk"] == T1 and r["message"] == "one" for r in group_rows(table, G1))
    assert all(r["sk"] == T1 and r["message"] == "three" for r in group_rows(table, G2))


def test_a_number_as_record_fails_alone(fn, table):
    seed_group(table, G1, 1, 2)
    batch = [42, insert_message(table, "200", G1, T1, "ok")]
    assert fn.lambda_handler({"Records": batch}, None) == {
        "batchItemFailures": [{"itemIdentifier": None}, {"itemIdentifier": "200"}]}
    assert all(r["sk"] == T1 for r in group_rows(table, G1))


# ---------- E3: a message sk that is not an ISO timestamp is rejected ----------

@pytest.mark.parametrize("bad_sk", ["zzz", "latest", "2024-13-45T99:00:00"])
def test_non_timestamp_sk_is_rejected_and_does_not_stick_the_group(fn, table, calls, bad_sk):
    seed_group(table, G1, 1, 2)
    bad = insert_message(table, "100", G1, bad_sk, "bogus")
    assert fn.lambda_handler({"Records": [bad]}, None) == {
        "batchItemFailures": [{"itemIdentifier": "100"}]}
    assert not [op for op, _ in calls if op in ("PutItem", "DeleteItem")]
    assert all(r["sk"] == T0 and r["message"] == "old message" for r in group_rows(table, G1))

    # a later real message still moves the group
    assert fn.lambda_handler({"Records": [insert_message(table, "200", G1, T2, "real")]}, None) == OK
    assert [(r["sk"], r["message"]) for r in group_rows(table, G1)] == [(T2, "real"), (T2, "real")]


def test_non_timestamp_sk_is_rejected_even_for_a_group_with_no_rows(fn, table, calls):
    # nothing to compare it with: still a bad record, not a success
    rec = insert_message(table, "100", G1, "zzz", "bogus")
    assert fn.lambda_handler({"Records": [rec]}, None) == {
        "batchItemFailures": [{"itemIdentifier": "100"}]}
    assert [op for op, _ in calls] == []  # rejected before any call


def test_non_timestamp_sk_is_logged(fn, table, capsys):
    seed_group(table, G1, 1, 2)
    fn.lambda_handler({"Records": [insert_message(table, "100", G1, "zzz", "bogus")]}, None)
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("100 FAILED"))
    assert "'zzz'" in line and "timestamp" in line, line


def test_a_row_already_stuck_at_a_non_timestamp_sk_is_moved_by_the_next_message(fn, table):
    # data left by the old code: the group sits at "zzz"
    seed_group(table, G1, 1, 2, sk="zzz", message="bogus")
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "real")]}, None) == OK
    assert [(r["sk"], r["message"]) for r in group_rows(table, G1)] == [(T1, "real"), (T1, "real")]
    assert ("GRP#u1", "zzz") not in {(r["pk"], r["sk"]) for r in all_rows(table)}


def test_the_message_sk_must_be_a_timestamp_for_the_comparison(fn):
    with pytest.raises(ValueError, match="not an ISO timestamp"):
        fn._at_or_after(T1, "zzz")

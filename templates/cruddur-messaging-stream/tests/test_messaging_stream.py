"""Tests for templates/cruddur-messaging-stream/index.py against moto's DynamoDB."""
import pathlib

import pytest
from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

from conftest import INDEX, INDEX_PY, TABLE

G1, G2, G3 = "g1-5ae290ed", "g2-6b1f4e3a", "g3-70c5d1b2"
T0 = "2024-05-01T10:00:00.000000+00:00"
T1 = "2024-05-01T11:00:00.000000+00:00"
T2 = "2024-05-01T12:00:00.000000+00:00"
TG2 = "2024-05-01T09:30:00.000000+00:00"
ALLOWED = {"Query", "PutItem", "DeleteItem"}


# ---------- helpers ----------

def user(n):
    return {"user_uuid": f"u{n}", "user_display_name": f"User {n}", "user_handle": f"user{n}"}


def seed_group(table, group, a, b, sk=T0, message="old message"):
    """The two GRP# rows of a conversation between users a and b."""
    for me, other in ((a, b), (b, a)):
        table.put_item(Item={"pk": f"GRP#u{me}", "sk": sk, "message_group_uuid": group,
                             "message": message, **user(other)})


def msg_row(group, sk, message, n=1):
    return {"pk": f"MSG#{group}", "sk": sk, "message_uuid": f"m-{sk}", "message": message, **user(n)}


def record(seq, item, event="INSERT"):
    """A DynamoDB stream record (view type NEW_IMAGE) for item."""
    ddb = {"Keys": {"pk": {"S": item["pk"]}, "sk": {"S": item["sk"]}},
           "SequenceNumber": seq, "SizeBytes": 100, "StreamViewType": "NEW_IMAGE"}
    if event != "REMOVE":
        ddb["NewImage"] = {k: {"S": v} for k, v in item.items()}
    return {"eventID": f"id-{seq}", "eventName": event, "eventSource": "aws:dynamodb",
            "awsRegion": "ca-central-1", "dynamodb": ddb}


def insert_message(table, seq, group, sk, message, n=1):
    """Write the message row (as the app does) and return its stream record."""
    item = msg_row(group, sk, message, n)
    table.put_item(Item=item)
    return record(seq, item)


def group_rows(table, group):
    return sorted(table.query(IndexName=INDEX, KeyConditionExpression=Key("message_group_uuid").eq(group))["Items"],
                  key=lambda r: (r["pk"], r["sk"]))


def all_rows(table):
    return sorted(table.scan()["Items"], key=lambda r: (r["pk"], r["sk"]))


def writes(calls):
    return [(op, p) for op, p in calls if op in ("PutItem", "DeleteItem")]


def fail_query_for(fn, group):
    """Make the function's Query for one group raise, as a throttled call would."""
    def boom(model, params, **_):
        body = params["body"]
        if group in (body.decode() if isinstance(body, bytes) else body):
            raise ClientError({"Error": {"Code": "ProvisionedThroughputExceededException",
                                         "Message": "injected"}}, "Query")
    fn._table(TABLE).meta.client.meta.events.register("before-call.dynamodb.Query", boom)


OK = {"batchItemFailures": []}


# ---------- the main path ----------

def test_insert_updates_both_participants_group_rows(fn, table, calls):
    seed_group(table, G1, 1, 2)
    # another conversation of user 1, untouched (its own sk: (pk, sk) is the row's key)
    seed_group(table, G2, 1, 3, sk=TG2)
    rec = insert_message(table, "100", G1, T1, "hello there")

    assert fn.lambda_handler({"Records": [rec]}, None) == OK

    rows = group_rows(table, G1)
    assert rows == [
        {"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1, "message": "hello there", **user(2)},
        {"pk": "GRP#u2", "sk": T1, "message_group_uuid": G1, "message": "hello there", **user(1)},
    ]
    # old rows are gone, the message row and the other group are untouched
    assert {(r["pk"], r["sk"]) for r in all_rows(table)} == {
        ("GRP#u1", T1), ("GRP#u2", T1), ("MSG#" + G1, T1), ("GRP#u1", TG2), ("GRP#u3", TG2)}
    assert all(r["sk"] == TG2 and r["message"] == "old message" for r in group_rows(table, G2))


def test_uses_only_the_granted_operations_and_writes_before_deleting(fn, table, calls):
    seed_group(table, G1, 1, 2)
    fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "hi")]}, None)

    assert {op for op, _ in calls} == ALLOWED
    # dynamodb:Query is granted on the index ARN only: every query must name it
    assert all(p["IndexName"] == INDEX and p["TableName"] == TABLE for op, p in calls if op == "Query")
    assert all(p["TableName"] == TABLE for _, p in calls)
    # per row: PutItem of the new key precedes DeleteItem of the old key
    ops = [(op, p.get("Item", p.get("Key"))["pk"]["S"], p.get("Item", p.get("Key"))["sk"]["S"])
           for op, p in writes(calls)]
    for pk in ("GRP#u1", "GRP#u2"):
        assert ops.index(("PutItem", pk, T1)) < ops.index(("DeleteItem", pk, T0))
    assert len(ops) == 4


def test_copies_every_other_attribute(fn, table):
    table.put_item(Item={"pk": "GRP#u1", "sk": T0, "message_group_uuid": G1, "message": "old",
                         **user(2), "extra": "kept", "count": 3})
    fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "new")]}, None)
    (row,) = group_rows(table, G1)
    assert row == {"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1, "message": "new",
                   **user(2), "extra": "kept", "count": 3}


def test_only_grp_rows_found_in_the_index_are_rewritten(fn, table):
    # Message rows carry no message_group_uuid today; if one ever did, it would
    # show up in the index and must not be rewritten (that would re-trigger us).
    seed_group(table, G1, 1, 2)
    stray = {**msg_row(G1, T0, "earlier message"), "message_group_uuid": G1}
    table.put_item(Item=stray)
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "new")]}, None) == OK
    assert stray in all_rows(table)
    assert [(r["pk"], r["sk"]) for r in group_rows(table, G1) if r["pk"].startswith("GRP#")] == [
        ("GRP#u1", T1), ("GRP#u2", T1)]


# ---------- paging ----------

def test_pages_through_every_query_page(fn, table, calls, monkeypatch):
    # QUERY_PAGE_SIZE=2 gives the query a Limit, so moto returns real
    # LastEvaluatedKey pages: 5 rows -> 3 pages (+ possibly an empty one).
    monkeypatch.setenv("QUERY_PAGE_SIZE", "2")
    for n in range(1, 6):
        table.put_item(Item={"pk": f"GRP#u{n}", "sk": T0, "message_group_uuid": G1,
                             "message": "old", **user(n + 10)})
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "to all")]}, None) == OK

    rows = group_rows(table, G1)
    assert len(rows) == 5
    assert all(r["sk"] == T1 and r["message"] == "to all" for r in rows)
    queries = [p for op, p in calls if op == "Query"]
    assert len(queries) >= 3
    assert all(q["Limit"] == 2 for q in queries)
    assert "ExclusiveStartKey" not in queries[0]
    assert all("ExclusiveStartKey" in q for q in queries[1:])
    # every page was read before the first write
    first_write = next(i for i, (op, _) in enumerate(calls) if op != "Query")
    assert [op for op, _ in calls[:first_write]] == ["Query"] * len(queries)


def test_no_limit_unless_page_size_is_set(fn, table, calls):
    seed_group(table, G1, 1, 2)
    fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "hi")]}, None)
    queries = [p for op, p in calls if op == "Query"]
    assert len(queries) == 1 and "Limit" not in queries[0]


# ---------- skipped records ----------

@pytest.mark.parametrize("event", ["REMOVE", "MODIFY"])
def test_remove_and_modify_of_a_message_are_skipped(fn, table, calls, event):
    seed_group(table, G1, 1, 2)
    before = all_rows(table)
    rec = record("100", msg_row(G1, T1, "edited"), event=event)
    assert fn.lambda_handler({"Records": [rec]}, None) == OK
    assert calls == []
    assert all_rows(table) == before


@pytest.mark.parametrize("event", ["INSERT", "MODIFY", "REMOVE"])
def test_group_row_records_are_skipped(fn, table, calls, event):
    # the function's own rewrites come back through the stream as GRP# records
    seed_group(table, G1, 1, 2)
    before = all_rows(table)
    item = {"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1, "message": "hi", **user(2)}
    assert fn.lambda_handler({"Records": [record("100", item, event=event)]}, None) == OK
    assert calls == []
    assert all_rows(table) == before


def test_empty_event(fn, table, calls):
    assert fn.lambda_handler({"Records": []}, None) == OK
    assert fn.lambda_handler({}, None) == OK
    assert calls == []


# ---------- batches ----------

def test_every_record_of_a_batch_is_handled(fn, table):
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 3, 4)
    seed_group(table, G3, 5, 6)
    batch = [
        insert_message(table, "100", G1, T1, "g1 first"),
        record("150", {"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1, "message": "g1 first"}),
        insert_message(table, "200", G2, T1, "g2 only"),
        record("250", msg_row(G3, T0, "gone"), event="REMOVE"),
        insert_message(table, "300", G1, T2, "g1 second"),
    ]
    assert fn.lambda_handler({"Records": batch}, None) == OK

    assert [(r["pk"], r["sk"], r["message"]) for r in group_rows(table, G1)] == [
        ("GRP#u1", T2, "g1 second"), ("GRP#u2", T2, "g1 second")]
    assert [(r["pk"], r["sk"], r["message"]) for r in group_rows(table, G2)] == [
        ("GRP#u3", T1, "g2 only"), ("GRP#u4", T1, "g2 only")]
    assert all(r["sk"] == T0 for r in group_rows(table, G3))


# ---------- idempotency and ordering ----------

def test_same_record_twice_is_harmless(fn, table, calls):
    seed_group(table, G1, 1, 2)
    rec = insert_message(table, "100", G1, T1, "hello")
    assert fn.lambda_handler({"Records": [rec]}, None) == OK
    after_first = all_rows(table)
    calls.clear()

    assert fn.lambda_handler({"Records": [rec]}, None) == OK
    assert all_rows(table) == after_first
    assert writes(calls) == []  # rows already at the new sk: nothing put, nothing deleted


def test_same_record_twice_in_one_batch(fn, table):
    seed_group(table, G1, 1, 2)
    rec = insert_message(table, "100", G1, T1, "hello")
    assert fn.lambda_handler({"Records": [rec, rec]}, None) == OK
    assert [(r["pk"], r["sk"], r["message"]) for r in group_rows(table, G1)] == [
        ("GRP#u1", T1, "hello"), ("GRP#u2", T1, "hello")]


def test_retry_after_crash_between_put_and_delete_converges(fn, table):
    # a previous attempt wrote the new row for u1 but died before deleting the old one
    seed_group(table, G1, 1, 2)
    table.put_item(Item={"pk": "GRP#u1", "sk": T1, "message_group_uuid": G1, "message": "hello", **user(2)})
    assert fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "hello")]}, None) == OK
    assert [(r["pk"], r["sk"], r["message"]) for r in group_rows(table, G1)] == [
        ("GRP#u1", T1, "hello"), ("GRP#u2", T1, "hello")]


def test_older_message_does_not_overwrite_newer(fn, table, calls):
    seed_group(table, G1, 1, 2, sk=T2, message="newest")
    table.put_item(Item=msg_row(G1, T1, "older"))
    assert fn.lambda_handler({"Records": [record("100", msg_row(G1, T1, "older"))]}, None) == OK
    assert writes(calls) == []
    assert [(r["pk"], r["sk"], r["message"]) for r in group_rows(table, G1)] == [
        ("GRP#u1", T2, "newest"), ("GRP#u2", T2, "newest")]


def test_newer_then_older_in_one_batch_keeps_newer(fn, table):
    # e.g. a retried batch that replays an older record after a newer one
    seed_group(table, G1, 1, 2)
    batch = [insert_message(table, "200", G1, T2, "newer"), insert_message(table, "100", G1, T1, "older")]
    assert fn.lambda_handler({"Records": batch}, None) == OK
    assert [(r["sk"], r["message"]) for r in group_rows(table, G1)] == [(T2, "newer"), (T2, "newer")]


@pytest.mark.parametrize("a, b, expected", [
    (T1, T1, True),
    (T2, T1, True),
    (T0, T1, False),
    ("2024-05-01T11:00:00Z", "2024-05-01T11:00:00+00:00", True),          # same instant
    ("2024-05-01T12:00:00+02:00", "2024-05-01T11:00:00+00:00", False),    # 10:00Z is earlier
    ("2024-05-01T11:00:00.5", "2024-05-01T11:00:00+00:00", True),         # naive taken as UTC
    ("zzz", T1, False),                                                   # a row's non-ISO sk: older
])
def test_timestamp_order(fn, a, b, expected):
    assert fn._at_or_after(a, b) is expected


# ---------- failures ----------

def test_failing_record_is_reported_and_does_not_stop_the_others(fn, table):
    for g, (a, b) in ((G1, (1, 2)), (G2, (3, 4)), (G3, (5, 6))):
        seed_group(table, g, a, b)
    fail_query_for(fn, G2)
    batch = [insert_message(table, "100", G1, T1, "one"),
             insert_message(table, "200", G2, T1, "two"),
             insert_message(table, "300", G3, T1, "three")]

    result = fn.lambda_handler({"Records": batch}, None)

    # Lambda resumes a stream from the lowest reported sequence number, so the
    # first failure and everything after it is reported (and will be retried).
    assert result == {"batchItemFailures": [{"itemIdentifier": "200"}, {"itemIdentifier": "300"}]}
    assert all(r["sk"] == T1 and r["message"] == "one" for r in group_rows(table, G1))
    assert all(r["sk"] == T0 for r in group_rows(table, G2))
    assert all(r["sk"] == T1 and r["message"] == "three" for r in group_rows(table, G3))

    # the retry (from sequence 200) succeeds and re-running 300 is harmless
    fn._table.cache_clear()  # drop the client carrying the injected fault
    assert fn.lambda_handler({"Records": batch[1:]}, None) == OK
    assert all(r["sk"] == T1 and r["message"] == "two" for r in group_rows(table, G2))
    assert all(r["sk"] == T1 and r["message"] == "three" for r in group_rows(table, G3))


def test_failure_of_the_first_record_reports_the_whole_batch(fn, table):
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 3, 4)
    fail_query_for(fn, G1)
    batch = [insert_message(table, "100", G1, T1, "one"), insert_message(table, "200", G2, T1, "two")]
    assert fn.lambda_handler({"Records": batch}, None) == {
        "batchItemFailures": [{"itemIdentifier": "100"}, {"itemIdentifier": "200"}]}
    assert all(r["message"] == "two" for r in group_rows(table, G2))  # still processed


def test_failure_of_the_last_record_reports_only_it(fn, table):
    seed_group(table, G1, 1, 2)
    seed_group(table, G2, 3, 4)
    fail_query_for(fn, G2)
    batch = [insert_message(table, "100", G1, T1, "one"), insert_message(table, "200", G2, T1, "two")]
    assert fn.lambda_handler({"Records": batch}, None) == {"batchItemFailures": [{"itemIdentifier": "200"}]}


def test_malformed_record_is_reported(fn, table):
    seed_group(table, G1, 1, 2)
    bad = record("100", msg_row(G1, T1, "x"))
    del bad["dynamodb"]["NewImage"]
    good = insert_message(table, "200", G2, T1, "fine")
    assert fn.lambda_handler({"Records": [bad, good]}, None) == {
        "batchItemFailures": [{"itemIdentifier": "100"}, {"itemIdentifier": "200"}]}


# ---------- configuration ----------

@pytest.mark.parametrize("missing", [("TABLE_NAME",), ("INDEX_NAME",), ("TABLE_NAME", "INDEX_NAME")])
def test_missing_environment_variables_fail_clearly(fn, monkeypatch, missing):
    for var in missing:
        monkeypatch.delenv(var)
    with pytest.raises(RuntimeError, match="missing environment variable") as err:
        fn.lambda_handler({"Records": [record("100", msg_row(G1, T1, "x"))]}, None)
    for var in missing:
        assert var in str(err.value)


def test_empty_environment_variable_counts_as_missing(fn, monkeypatch):
    monkeypatch.setenv("INDEX_NAME", "")
    with pytest.raises(RuntimeError, match="INDEX_NAME"):
        fn.lambda_handler({"Records": []}, None)


def test_reads_table_and_index_names_from_environment(fn, table, calls, monkeypatch):
    monkeypatch.setenv("INDEX_NAME", "no-such-index")
    seed_group(table, G1, 1, 2)
    result = fn.lambda_handler({"Records": [insert_message(table, "100", G1, T1, "x")]}, None)
    assert result == {"batchItemFailures": [{"itemIdentifier": "100"}]}
    assert [p["IndexName"] for op, p in calls if op == "Query"] == ["no-such-index"]


# ---------- the source file itself ----------

SOURCE = pathlib.Path(INDEX_PY).read_text(encoding="utf-8")


def test_fits_inline_in_cloudformation():
    # Inlined as Code.ZipFile: small, so the template stays far below CloudFormation's
    # 51,200-byte template body (the old 4096-character ZipFile limit is gone).
    assert len(SOURCE) < 8192, len(SOURCE)
    assert SOURCE.isascii()


def test_no_hard_coded_region_endpoint_or_extra_operations():
    for needle in ("region_name", "endpoint_url", "amazonaws.com", "ca-central-1",
                   "batch_write", "batch_writer", "transact", "get_item", "update_item", "scan("):
        assert needle not in SOURCE, needle

"""cruddur-messaging-stream: on each new message (INSERT of a MSG# row in the
cruddur-messages stream) move every GRP# row of its group to the message's sk
and text. Inlined as CloudFormation Code.ZipFile: keep it small."""
import os
from datetime import datetime, timezone
from functools import lru_cache

import boto3
from boto3.dynamodb.conditions import Attr, Key


@lru_cache(maxsize=None)
def _table(name):
    # Lazy, reused while warm; region/endpoint come from boto3's defaults.
    return boto3.resource('dynamodb').Table(name)


def _env():
    miss = [v for v in ('TABLE_NAME', 'INDEX_NAME') if not os.environ.get(v)]
    if miss:
        raise RuntimeError('missing environment variable(s): ' + ', '.join(miss))
    return os.environ['TABLE_NAME'], os.environ['INDEX_NAME']


def _ts(s):
    # ISO 8601 -> aware datetime; 'Z', '+00:00' and naive (UTC) mix.
    try:
        d = datetime.fromisoformat(s)
    except (TypeError, ValueError):
        raise ValueError(f'sk {s!r} is not an ISO timestamp') from None
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


def _at_or_after(a, b):
    # a (a row's sk) >= b (the message's, checked). A row whose sk is not a
    # timestamp (bad old data) is older than any message: it gets replaced.
    try:
        a = _ts(a)
    except ValueError:
        return False
    return a >= _ts(b)


def _group_rows(table, index, group):
    kw = {'IndexName': index,
          'KeyConditionExpression': Key('message_group_uuid').eq(group)}
    size = int(os.environ.get('QUERY_PAGE_SIZE') or 0)  # unset: 1 MB pages
    if size > 0:
        kw['Limit'] = size
    rows = []
    while True:
        page = table.query(**kw)
        rows += page['Items']
        if 'LastEvaluatedKey' not in page:
            return rows
        kw['ExclusiveStartKey'] = page['LastEvaluatedKey']


def _process(table, index, rec):
    if not isinstance(rec, dict) or not isinstance(rec.get('dynamodb'), dict):
        raise TypeError('malformed record: ' + repr(rec)[:80])
    ev, ddb = rec.get('eventName'), rec['dynamodb']
    pk, sk = ddb['Keys']['pk']['S'], ddb['Keys']['sk']['S']
    # Only new messages; our own GRP# rewrites come back here too.
    if ev != 'INSERT' or not pk.startswith('MSG#'):
        return f'{ev} {pk}: skipped'
    _ts(sk)  # a non-timestamp sk would sort after every real one: reject
    group, message = pk[4:], ddb['NewImage']['message']['S']
    done = kept = 0
    # Read all pages before writing: our writes land in the same index key.
    for row in _group_rows(table, index, group):
        # Same sk: already done (retry). Later sk: a newer message won.
        if not row['pk'].startswith('GRP#') or _at_or_after(row['sk'], sk):
            kept += 1
            continue
        # New row first, then the old one: a crash in between leaves a
        # duplicate that the retry removes, never a group with no row.
        # (GRP#user, sk) may hold another group's row (same sk): never
        # overwrite it; fail the record (the user's old row stays).
        try:
            table.put_item(Item={**row, 'sk': sk, 'message': message},
                           ConditionExpression=Attr('pk').not_exists()
                           | Attr('message_group_uuid').eq(group))
        except table.meta.client.exceptions.ConditionalCheckFailedException:
            raise RuntimeError(f"{row['pk']} {sk} holds another group's row: "
                               'not overwritten') from None
        table.delete_item(Key={'pk': row['pk'], 'sk': row['sk']})
        done += 1
    return f'{ev} {pk}: updated {done}, kept {kept}'


def _seq(rec):
    # None if unreadable: Lambda then retries the whole batch (none skipped).
    d = rec.get('dynamodb') if isinstance(rec, dict) else None
    return d.get('SequenceNumber') if isinstance(d, dict) else None


def lambda_handler(event, context):
    name, index = _env()  # config error: fail the whole invocation
    table = _table(name)
    recs = event.get('Records') or []
    first = None
    for i, rec in enumerate(recs):
        seq = _seq(rec)
        try:
            print(seq, _process(table, index, rec))
        except Exception as e:  # one bad record must not stop the others
            print(seq, 'FAILED', type(e).__name__, e)
            first = i if first is None else first
    # Stream sources: Lambda checkpoints at the LOWEST reported sequence
    # number and redelivers everything from it, successes included. So we
    # report the first failure and every record after it, i.e. exactly
    # what will be retried; safe, as _process is idempotent and never
    # moves a group back to an older message.
    return {'batchItemFailures': [] if first is None else [
        {'itemIdentifier': _seq(r)} for r in recs[first:]]}

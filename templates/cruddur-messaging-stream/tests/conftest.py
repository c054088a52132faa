"""Fixtures for cruddur-messaging-stream: moto DynamoDB, no network."""
import importlib.util
import json
import os
import pathlib

import boto3
import pytest
from moto import mock_aws

HERE = pathlib.Path(__file__).resolve().parent
INDEX_PY = HERE.parent / "index.py"
TABLE = "cruddur-messages"
INDEX = "message-group-sk-index"

ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "ca-central-1",
    "TABLE_NAME": TABLE,
    "INDEX_NAME": INDEX,
}


def _load():
    # Unique module name: other templates may also ship an index.py.
    spec = importlib.util.spec_from_file_location("cruddur_messaging_stream_index", INDEX_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(autouse=True)
def aws_env(monkeypatch):
    for var in ("AWS_PROFILE", "AWS_REGION", "AWS_ENDPOINT_URL",
                "AWS_ENDPOINT_URL_DYNAMODB", "QUERY_PAGE_SIZE"):
        monkeypatch.delenv(var, raising=False)
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)


@pytest.fixture
def fn():
    mod = _load()
    yield mod
    mod._table.cache_clear()


@pytest.fixture
def table(aws_env):
    with mock_aws():
        ddb = boto3.resource("dynamodb")
        t = ddb.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
                {"AttributeName": "message_group_uuid", "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[{
                "IndexName": INDEX,
                "KeySchema": [{"AttributeName": "message_group_uuid", "KeyType": "HASH"},
                              {"AttributeName": "sk", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"},
            }],
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
        )
        yield t


@pytest.fixture
def calls(fn, table):
    """Every DynamoDB API call the function makes: (operation, params)."""
    seen = []
    client = fn._table(TABLE).meta.client

    def record(model, params, **_):
        # params is the wire request; its body is the JSON the API receives.
        seen.append((model.name, json.loads(params["body"])))

    client.meta.events.register("before-call.dynamodb.*", record)
    return seen

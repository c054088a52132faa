"""synth-bench's stream processor: the small inline function of each generated copy."""
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    failures = []
    for record in event.get("Records") or []:
        try:
            keys = record["dynamodb"]["Keys"]
            print(record["eventName"], keys["pk"]["S"], keys["sk"]["S"])
        except Exception:  # report it, keep going
            failures.append({"itemIdentifier": record["dynamodb"].get("SequenceNumber")})
    return {"batchItemFailures": failures}

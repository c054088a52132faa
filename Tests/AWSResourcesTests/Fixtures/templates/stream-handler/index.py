import json
import os


def lambda_handler(event, context):
    failures = []
    for record in event.get("Records", []):
        try:
            image = record["dynamodb"].get("NewImage", {})
            print(json.dumps({"table": os.environ["TABLE_NAME"], "pk": image.get("pk")}))
        except Exception:
            failures.append({"itemIdentifier": record["dynamodb"]["SequenceNumber"]})
    return {"batchItemFailures": failures}

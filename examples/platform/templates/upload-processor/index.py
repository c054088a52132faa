"""Queues one job per object created under avatars/ in the uploads bucket.

S3 invokes this function with an ObjectCreated notification; the job carries the bucket,
the key (URL-decoded, as S3 encodes it in events) and the size, for a worker to resize.
"""

import json
import os
import urllib.parse

import boto3

sqs = boto3.client("sqs")


def jobs(event):
    for record in event.get("Records", []):
        s3 = record["s3"]
        yield {
            "bucket": s3["bucket"]["name"],
            "key": urllib.parse.unquote_plus(s3["object"]["key"]),
            "size": s3["object"].get("size", 0),
        }


def lambda_handler(event, context):
    queued = 0
    for job in jobs(event):
        sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=json.dumps(job, sort_keys=True))
        queued += 1
    return {"queued": queued}

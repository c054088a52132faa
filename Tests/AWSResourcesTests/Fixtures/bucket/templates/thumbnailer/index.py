import urllib.parse


def lambda_handler(event, context):
    # The bucket's name comes from the event: the function has no variable that refers to
    # the bucket, which would make a cycle with the bucket's notification.
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        print(f"new upload s3://{bucket}/{key}")

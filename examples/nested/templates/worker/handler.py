"""The worker: formats a greeting with the helpers module and the `six` dependency."""
import os

from helpers import greeting


def handle(event, context):
    return {"message": greeting(event.get("name", "world")), "queue": os.environ.get("QUEUE_URL", "")}

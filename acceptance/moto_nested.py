"""moto_server with the two pieces of nested-stack support that AWS has and moto 5.2.5 lacks.

Started instead of `moto_server` by the package-deploy check only (same arguments):

1. `Fn::GetAtt <NestedStack>.Outputs.<Name>`: moto's nested `Stack` has no
   `get_cfn_attribute`, so any child-to-parent reference fails the parent with an
   AttributeError (HTTP 500). Added here: the value of the child's output, as AWS gives it.
2. A `TemplateURL` on 127.0.0.1: `aws cloudformation package` writes path-style URLs on the
   S3 endpoint it used (http://127.0.0.1:PORT/bucket/key), which moto splits as if the
   host were `<bucket>.s3...` unless it says "localhost". Read here as path-style.

Nothing else of moto is changed; the check says so in its report line.
"""

from __future__ import annotations

import sys
from urllib.parse import urlparse

from moto.cloudformation import models, responses, utils
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

_original_get_stack = utils.get_stack_from_s3_url


def get_stack_from_s3_url(template_url: str, account_id: str, partition: str) -> str:
    parts = urlparse(template_url)
    if parts.hostname == "127.0.0.1":
        from moto.s3.models import s3_backends
        bucket, key = parts.path.lstrip("/").split("/", 1)
        return s3_backends[account_id][partition].get_object(bucket, key).value.decode("utf-8")
    return _original_get_stack(template_url, account_id, partition)


def get_cfn_attribute(self, attribute_name: str):  # noqa: ANN001
    if attribute_name.startswith("Outputs."):
        output = self.output_map.get(attribute_name.removeprefix("Outputs."))
        if output is not None:
            return output.value
    raise UnformattedGetAttTemplateException()


models.get_stack_from_s3_url = get_stack_from_s3_url
responses.get_stack_from_s3_url = get_stack_from_s3_url
models.Stack.get_cfn_attribute = get_cfn_attribute

if __name__ == "__main__":
    from moto.server import main
    sys.exit(main())

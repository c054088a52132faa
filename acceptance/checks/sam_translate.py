"""Check 4: a SAM template translates to CloudFormation that passes cfn-lint too.

The translation is done the way CloudFormation's transform does it, by
aws-sam-translator, without AWS: the managed-policy loader (which would list policies
through IAM) is a stub that maps a policy name to arn:aws:iam::aws:policy/[path]NAME.
The translation is written to .acceptance/sam/NAME.json; the deploy checks deploy
that file, since moto does not run the SAM transform itself.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from acceptance.cfnyaml import NotJSON, dump_json, json_ready, load_template
from acceptance.checks import cfn_lint
from acceptance.common import REGION, REPO, Result, rel

CHECK = "sam-translate"

# AWS managed policies that live under a path; every other name is at the root.
SERVICE_ROLE_POLICIES = {
    "AWSLambdaBasicExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaENIManagementAccess",
    "AWSLambdaKinesisExecutionRole", "AWSLambdaMSKExecutionRole", "AWSLambdaRole",
    "AWSLambdaSQSQueueExecutionRole", "AWSLambdaVPCAccessExecutionRole",
}
POLICY_NAME = re.compile(r"^[A-Za-z0-9+=,.@_-]+$")


class StubPolicyMap(dict):
    """Any plausible managed-policy name is known; its ARN is built, not looked up."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(POLICY_NAME.match(name))

    def __getitem__(self, name: str) -> str:
        if name not in self:
            raise KeyError(name)
        path = "service-role/" if name in SERVICE_ROLE_POLICIES else ""
        return f"arn:aws:iam::aws:policy/{path}{name}"

    def get(self, name, default=None):  # noqa: ANN001 - dict signature
        return self[name] if name in self else default


class StubManagedPolicyLoader:
    """Stands in for samtranslator's ManagedPolicyLoader, which would call IAM."""

    def load(self) -> dict[str, str]:
        return StubPolicyMap()


def translate(path: Path) -> dict:
    """The CloudFormation translation of a SAM template; raises ValueError with SAM's reasons."""
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.translator.arn_generator import ArnGenerator
    from samtranslator.translator.transform import transform

    # The translator asks a boto3 session for the region (to pick the partition and the
    # pseudo parameters); give it ours, so no AWS configuration is needed.
    ArnGenerator.BOTO_SESSION_REGION_NAME = REGION
    os.environ["AWS_DEFAULT_REGION"] = REGION

    template = load_template(path)
    try:
        fragment = json_ready(copy.deepcopy(template))
    except NotJSON as e:
        raise ValueError(str(e)) from None
    params = {"AWS::Region": REGION, "AWS::Partition": "aws"}
    try:
        return transform(fragment, params, StubManagedPolicyLoader())
    except InvalidDocumentException as e:
        causes = [getattr(c, "message", str(c)) for c in getattr(e, "causes", [])] or [str(e)]
        raise ValueError("; ".join(causes)) from None


def output_path(path: Path, out_dir: Path) -> Path:
    """out/dev/x.sam.yaml -> OUT_DIR/dev/x.sam.translated.json: environments never share a file."""
    try:
        relative = Path(path).resolve().relative_to(REPO)
        relative = Path(*relative.parts[1:]) if len(relative.parts) > 1 else relative
    except ValueError:
        relative = Path(Path(path).name)
    out = out_dir / relative.parent / (relative.name.removesuffix(".yaml") + ".translated.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def check(path: Path, out_dir: Path) -> tuple[Result, Path | None]:
    display = rel(path)
    try:
        translated = translate(path)
    except Exception as e:  # noqa: BLE001 - any translator failure is the finding
        return Result(CHECK, display, False, "aws-sam-translator rejects the template",
                      [f"{display}: {e}"]), None
    leftovers = sorted(name for name, r in (translated.get("Resources") or {}).items()
                       if str((r or {}).get("Type", "")).startswith("AWS::Serverless::"))
    if leftovers:
        return Result(CHECK, display, False, "the translation still has SAM resources",
                      [f"{display}: {', '.join(leftovers)}"]), None
    out = output_path(path, out_dir)
    dump_json(translated, out)
    lint = cfn_lint.check(out, display=f"{display} (translated: {rel(out)})", check_name=CHECK)
    if not lint.ok:
        return lint, out
    n = len(translated.get("Resources") or {})
    return Result(CHECK, display, True, f"translates to {n} CloudFormation resources that pass "
                                        f"cfn-lint ({rel(out)})", lint.details), out

"""Check 6: a changed template updates the deployed stack in place.

A copy of the deployed template gets one change that CloudFormation applies without
replacement, and is deployed to the same stack with `aws cloudformation deploy`. The
resource must keep its physical id and show the new value. The first of these that the
template has is changed:

* an AWS::Lambda::EventSourceMapping's BatchSize (same mapping UUID, new batch size);
* an AWS::Lambda::Function's MemorySize (same function, new memory size);
* an AWS::SQS::Queue's VisibilityTimeout (same queue, new timeout).

A template with none of them fails, as the check would otherwise pass without testing
anything, unless every resource is of a type moto cannot update at all (MOTO_DOES_NOT_UPDATE):
that is reported as not applicable, decided from the template.
"""

from __future__ import annotations

import copy
from pathlib import Path

from acceptance.cfnyaml import NotJSON, dump_json
from acceptance.checks.moto_deploy import Deployment, aws, cfn_deploy, stack_resources
from acceptance.common import Result

CHECK = "moto-update"


def _esm_batch(old: object) -> int:
    return old + 1 if isinstance(old, int) and old < 1000 else 2


def _memory(old: object) -> int:
    return old + 128 if isinstance(old, int) and old <= 10112 else 256


def _visibility(old: object) -> int:
    return old + 1 if isinstance(old, int) and old < 43200 else 31


# What the check may change, in order of preference: (type, property, default, new value).
# Only changes that moto 5.2 applies in place: it has no CloudFormation update for
# AWS::Logs::LogGroup or AWS::DynamoDB::Table (the resource loses its physical id in the
# stack and nothing changes, yet the stack reports UPDATE_COMPLETE), and an IAM role's
# update only touches its description.
CANDIDATES = [
    ("AWS::Lambda::EventSourceMapping", "BatchSize", 100, _esm_batch),
    ("AWS::Lambda::Function", "MemorySize", 128, _memory),
    ("AWS::SQS::Queue", "VisibilityTimeout", 30, _visibility),
]


def _first(template: dict, rtype: str) -> str | None:
    for name, spec in (template.get("Resources") or {}).items():
        if (spec or {}).get("Type") == rtype and not (spec or {}).get("Condition"):
            return name
    return None


def plan(template: dict) -> tuple[dict, str, str, object, str] | None:
    """(changed template, logical id, property, new value, resource type) or None."""
    for rtype, prop, default, bump in CANDIDATES:
        logical = _first(template, rtype)
        if logical:
            changed = copy.deepcopy(template)
            props = changed["Resources"][logical].setdefault("Properties", {})
            new = bump(props.get(prop, default))
            props[prop] = new
            return changed, logical, prop, new, rtype
    return None


# moto 5.2 has no CloudFormation update for these: the stack says UPDATE_COMPLETE and
# nothing changes, so an update check on them would prove nothing.
MOTO_DOES_NOT_UPDATE = {"AWS::DynamoDB::Table", "AWS::Logs::LogGroup", "AWS::EC2::VPCEndpoint"}


def read_value(endpoint: str, rtype: str, physical: str) -> object:
    """The changed property as moto reports it after the update."""
    if rtype == "AWS::Lambda::EventSourceMapping":
        got, err = aws(endpoint, "lambda", "get-event-source-mapping", "--uuid", physical)
        return err or got.get("BatchSize")
    if rtype == "AWS::Lambda::Function":
        got, err = aws(endpoint, "lambda", "get-function-configuration", "--function-name", physical)
        return err or got.get("MemorySize")
    got, err = aws(endpoint, "sqs", "get-queue-attributes", "--queue-url", physical,
                   "--attribute-names", "VisibilityTimeout")
    value = (got or {}).get("Attributes", {}).get("VisibilityTimeout") if not err else err
    return int(value) if isinstance(value, str) and value.isdigit() else value


def check(endpoint: str, dep: Deployment, work: Path, display: str) -> Result:
    planned = plan(dep.template)
    if planned is None:
        types = sorted({(r or {}).get("Type", "?") for r in (dep.template.get("Resources") or {}).values()})
        if types and all(t in MOTO_DOES_NOT_UPDATE for t in types):
            # Decided from the template, not assumed: every resource is a type moto cannot update.
            return Result(CHECK, display, True, f"not applicable: moto 5.2 updates none of this stack's types "
                                                f"({', '.join(types)}); other stacks cover the update path")
        known = ", ".join(f"{t} {p}" for t, p, _, _ in CANDIDATES)
        return Result(CHECK, display, False, f"nothing the update check knows how to change ({known})")
    changed, logical, prop, new, rtype = planned
    before, err = stack_resources(endpoint, dep.stack)
    if err or logical not in before:
        return Result(CHECK, display, False, f"{logical} is not in stack {dep.stack} before the update",
                      [err] if err else [])
    old_id = before[logical]["PhysicalResourceId"]
    copy_file = work / f"{dep.stack}.updated.json"
    try:
        dump_json(changed, copy_file)
    except NotJSON as e:
        return Result(CHECK, display, False, "cannot write the changed copy as JSON", [f"{display}: {e}"])
    err = cfn_deploy(endpoint, copy_file, dep.stack, dep.parameters)
    if err:
        return Result(CHECK, display, False, f"updating stack {dep.stack} ({logical}.{prop} -> {new}) failed",
                      [err])
    stacks, err = aws(endpoint, "cloudformation", "describe-stacks", "--stack-name", dep.stack)
    status = (stacks or {}).get("Stacks", [{}])[0].get("StackStatus") if not err else err
    after, err = stack_resources(endpoint, dep.stack)
    if err or logical not in after:
        return Result(CHECK, display, False, f"{logical} is gone from stack {dep.stack} after the update",
                      [err] if err else [])
    new_id = after[logical].get("PhysicalResourceId")
    problems = []
    if status != "UPDATE_COMPLETE":
        problems.append(f"stack {dep.stack} is {status} after the update, not UPDATE_COMPLETE")
    if new_id != old_id:
        problems.append(f"{logical} was replaced: physical id {old_id} before, {new_id} after")
    value = read_value(endpoint, rtype, new_id) if new_id else "(no physical id)"
    if value != new:
        problems.append(f"{logical}.{prop} is {value!r} after the update, expected {new!r}")
    if problems:
        return Result(CHECK, display, False, f"the update of {logical}.{prop} was not applied in place",
                      problems)
    return Result(CHECK, display, True, f"{logical}.{prop} updated in place to {new} (same id {old_id})")

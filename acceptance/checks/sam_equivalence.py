"""Check 5: the SAM flavour of a stack means what its CloudFormation flavour means.

    python -m acceptance.checks.sam_equivalence out/cruddur-messaging.yaml out/cruddur-messaging.sam.yaml

The SAM template is translated with aws-sam-translator (as sam-translate does, see
sam_translate.translate) and compared, resource by resource, with the CloudFormation
template of the same stack:

* the same resources: logical ID and type (SAM names the role `<Function>Role` and a
  stream event's mapping `<Function><Event>`, which are the CloudFormation flavour's IDs);
  a mapping whose ID differs is paired by its stream and function instead;
* tables and every other resource SAM does not model (endpoint, log group, queue):
  identical properties and attributes;
* event-source mappings: identical settings (stream, batch size, starting position,
  filter criteria, enabled, retries, destination, response types, ...);
* functions: identical properties, apart from the role ARN (both point at the paired
  role) and the `lambda:createdBy: SAM` tag;
* permissions: each function role's effective permissions, managed policies expanded
  (`MANAGED_POLICY_ACTIONS`). The translated role must allow everything the
  CloudFormation role allows, and nothing more apart from `SAM_ADDITIONS`: the managed
  policies SAM attaches by itself. A grant is covered by the same action on the same
  resource or on `*`, and a conditional grant by an unconditional one. Trust, path and
  permissions boundary must match;
* Description, Parameters, Mappings, Conditions and Outputs: identical.

`SAM_ADDITIONS` is the list the README gives under "What SAM adds"; `--readme` prints it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # `python acceptance/checks/sam_equivalence.py` works too
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from acceptance.cfnyaml import load_template  # noqa: E402
from acceptance.checks.sam_translate import translate  # noqa: E402
from acceptance.common import Result, rel  # noqa: E402

CHECK = "sam-equivalence"

FUNCTION = "AWS::Lambda::Function"
ROLE = "AWS::IAM::Role"
MAPPING = "AWS::Lambda::EventSourceMapping"
TABLE = "AWS::DynamoDB::Table"
SAM_TAG = "lambda:createdBy"

_LOGS = ("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")

# What the AWS managed policies that either flavour attaches allow, all on Resource '*', as
# AWS publishes them (AWSLambdaBasicExecutionRole v1, AWSLambdaDynamoDBExecutionRole v1,
# AWSLambdaVPCAccessExecutionRole v3, AWSLambdaENIManagementAccess v2). A managed policy
# not listed here is compared by name only: both roles must attach it.
MANAGED_POLICY_ACTIONS: dict[str, tuple[str, ...]] = {
    "AWSLambdaBasicExecutionRole": _LOGS,
    "AWSLambdaDynamoDBExecutionRole": (
        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
        *_LOGS),
    "AWSLambdaKinesisExecutionRole": (
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard", *_LOGS),
    "AWSLambdaSQSQueueExecutionRole": ("sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", *_LOGS),
    "AWSLambdaVPCAccessExecutionRole": (
        *_LOGS, "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
    "AWSLambdaENIManagementAccess": (
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
}


@dataclass(frozen=True)
class SamAddition:
    """A managed policy SAM attaches to the role it generates, and when."""

    policy: str
    when: str
    # (the translated function's properties, the SAM function's Events) -> attached?
    applies: Callable[[dict, dict], bool]

    def readme_line(self) -> str:
        actions = ", ".join(MANAGED_POLICY_ACTIONS[self.policy])
        return f"- {self.policy} ({self.when}): {actions}, on every resource ('*')."


# What aws-sam-translator (1.110, and 1.115 as pinned) adds to a generated role beyond the
# function's Policies. The README's "What SAM adds" lists the same, from `readme_text()`.
SAM_ADDITIONS: tuple[SamAddition, ...] = (
    SamAddition("AWSLambdaBasicExecutionRole", "every role SAM generates",
                lambda function, events: True),
    SamAddition("AWSLambdaVPCAccessExecutionRole", "the function has a VpcConfig",
                lambda function, events: "VpcConfig" in function),
    SamAddition("AWSLambdaDynamoDBExecutionRole", "the function has a DynamoDB event",
                lambda function, events: any(isinstance(e, dict) and e.get("Type") == "DynamoDB"
                                             for e in events.values())),
    SamAddition("AWSLambdaKinesisExecutionRole", "the function has a Kinesis event",
                lambda function, events: any(isinstance(e, dict) and e.get("Type") == "Kinesis"
                                             for e in events.values())),
    SamAddition("AWSLambdaSQSQueueExecutionRole", "the function has an SQS event",
                lambda function, events: any(isinstance(e, dict) and e.get("Type") == "SQS"
                                             for e in events.values())),
)

# Also SAM's, but not permissions: the check ignores them and the README mentions them.
SAM_OTHER_ADDITIONS = (
    "- The tag lambda:createdBy: SAM on the function and on its role.",
    "- Inline policy names: <Function>RolePolicy0 for the Policies document, and "
    "<Function><Event>SQSPolicy (or SNSPolicy) granting sqs:SendMessage (sns:publish) on an "
    "on-failure destination with a Type; that grant is the CloudFormation role's own.",
)


def readme_text() -> str:
    return "\n".join([
        "SAM generates each function's role (<Function>Role, named by CloudFormation as before) "
        "from the function's Policies and attaches these AWS managed policies by itself:",
        *(a.readme_line() for a in SAM_ADDITIONS),
        *SAM_OTHER_ADDITIONS,
    ])


# --- Comparing values ------------------------------------------------------------------

def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def differences(expected: Any, actual: Any, path: str) -> list[str]:
    """Where two JSON values differ, as `path: CloudFormation X, SAM translation Y` lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            sub = f"{path}.{key}"
            if key not in actual:
                out.append(f"{sub}: only in the CloudFormation flavour ({_short(expected[key])})")
            elif key not in expected:
                out.append(f"{sub}: only in the SAM translation ({_short(actual[key])})")
            else:
                out += differences(expected[key], actual[key], sub)
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in differences(e, a, f"{path}[{i}]")]
    if canonical(expected) != canonical(actual):
        return [f"{path}: CloudFormation {_short(expected)}, SAM translation {_short(actual)}"]
    return []


def _short(value: Any, limit: int = 160) -> str:
    text = canonical(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _getatt_target(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("Fn::GetAtt"), list) and value["Fn::GetAtt"][1:] == ["Arn"]:
        return str(value["Fn::GetAtt"][0])
    return None


# --- Permissions -------------------------------------------------------------------------

@dataclass(frozen=True)
class Grant:
    """One allowed action on one resource, under a condition (None: unconditional)."""

    action: str  # as written; compared case-insensitively, as IAM does
    resource: str  # canonical JSON; '"*"' for every resource
    condition: str | None
    source: str  # where it comes from, for messages
    managed_policy: str | None = None

    def covered_by(self, other: Grant) -> bool:
        return (self.action.lower() == other.action.lower()
                and other.resource in (self.resource, canonical("*"))
                and other.condition in (None, self.condition))

    def describe(self) -> str:
        cond = f" if {self.condition}" if self.condition else ""
        return f"{self.action} on {json.loads(self.resource) if self.resource == canonical('*') else self.resource}{cond}"


def managed_policy_name(arn: Any) -> str:
    """`AWSLambdaENIManagementAccess` from an AWS managed policy ARN (a string or !Sub), else the ARN."""
    text = arn.get("Fn::Sub") if isinstance(arn, dict) else arn
    if isinstance(text, list):
        text = text[0]
    if isinstance(text, str) and ":iam::aws:policy/" in text:
        return text.rsplit("/", 1)[-1]
    return canonical(arn)


def statement_grants(statement: dict, source: str, problems: list[str]) -> list[Grant]:
    unsupported = sorted(set(statement) - {"Sid", "Effect", "Action", "Resource", "Condition"})
    if statement.get("Effect") != "Allow" or unsupported:
        problems.append(f"{source}: a statement the comparison cannot expand "
                        f"(Effect {statement.get('Effect')!r}, {', '.join(unsupported) or 'no other keys'})")
        return []
    condition = canonical(statement["Condition"]) if "Condition" in statement else None
    return [Grant(str(action), canonical(resource), condition, source)
            for action in _as_list(statement.get("Action"))
            for resource in _as_list(statement.get("Resource"))]


def role_grants(role: dict, name: str, problems: list[str]) -> tuple[list[Grant], list[str]]:
    """The role's grants, and the names of the managed policies it attaches."""
    props = role.get("Properties") or {}
    grants: list[Grant] = []
    managed = [managed_policy_name(arn) for arn in _as_list(props.get("ManagedPolicyArns"))]
    for policy in managed:
        for action in MANAGED_POLICY_ACTIONS.get(policy, ()):
            grants.append(Grant(action, canonical("*"), None, f"{name} managed policy {policy}", policy))
    for policy in _as_list(props.get("Policies")):
        document = policy.get("PolicyDocument") or {}
        source = f"{name} inline policy {policy.get('PolicyName')}"
        for statement in _as_list(document.get("Statement")):
            grants += statement_grants(statement, source, problems)
    return grants, managed


def trust(role: dict) -> set[tuple[str, str, str]]:
    """(principal kind, principal, action) of each Allow of the trust policy."""
    doc = (role.get("Properties") or {}).get("AssumeRolePolicyDocument") or {}
    out = set()
    for statement in _as_list(doc.get("Statement")):
        for kind, principals in (statement.get("Principal") or {}).items():
            for principal in _as_list(principals):
                for action in _as_list(statement.get("Action")):
                    out.add((kind, canonical(principal), str(action).lower()))
    return out


def compare_roles(function_id: str, cfn_role: dict, cfn_name: str, sam_role: dict, sam_name: str,
                  function: dict, events: dict) -> tuple[list[str], list[str]]:
    """(differences, notes) between the roles of one function."""
    problems: list[str] = []
    cfn, cfn_managed = role_grants(cfn_role, f"CloudFormation {cfn_name}", problems)
    sam, sam_managed = role_grants(sam_role, f"SAM translation {sam_name}", problems)
    # SAM adds its policies only to a role it generates, which it tags; a role the function
    # names (Role:) stays as written.
    generated = any(isinstance(t, dict) and t.get("Key") == SAM_TAG
                    for t in _as_list((sam_role.get("Properties") or {}).get("Tags")))
    expected_additions = {a.policy for a in SAM_ADDITIONS if generated and a.applies(function, events)}

    for grant in cfn:
        if not any(grant.covered_by(other) for other in sam):
            problems.append(f"{function_id}: the SAM role does not allow {grant.describe()} ({grant.source})")
    added: dict[str, list[str]] = {}  # what SAM adds beyond the CloudFormation role -> from which policies
    for grant in sam:
        if any(grant.covered_by(other) for other in cfn):
            continue
        if grant.managed_policy in expected_additions:
            added.setdefault(grant.describe(), []).append(grant.managed_policy)
        else:
            problems.append(f"{function_id}: the SAM role also allows {grant.describe()} ({grant.source}), "
                            f"which the CloudFormation role does not and SAM_ADDITIONS does not list")
    notes = [f"{function_id}: SAM adds {what} ({', '.join(sorted(set(policies)))})" for what, policies in added.items()]
    for policy in sorted(set(sam_managed) - set(cfn_managed) - expected_additions):
        if policy not in MANAGED_POLICY_ACTIONS:
            problems.append(f"{function_id}: the SAM role attaches {policy}, which the CloudFormation role does not")
    for policy in sorted(set(cfn_managed) - set(sam_managed)):
        if policy not in MANAGED_POLICY_ACTIONS:
            problems.append(f"{function_id}: the SAM role lacks {policy}, which the CloudFormation role attaches")
    for policy in sorted(expected_additions - set(sam_managed)):
        notes.append(f"{function_id}: SAM did not attach {policy} (SAM_ADDITIONS expects it); the README may be stale")

    if trust(cfn_role) != trust(sam_role):
        problems.append(f"{function_id}: the roles trust different principals: CloudFormation "
                        f"{sorted(trust(cfn_role))}, SAM translation {sorted(trust(sam_role))}")
    for key in ("Path", "PermissionsBoundary", "RoleName", "MaxSessionDuration"):
        problems += differences((cfn_role.get("Properties") or {}).get(key), (sam_role.get("Properties") or {}).get(key),
                                f"{cfn_name}.Properties.{key}")
    return problems, notes


# --- The check ---------------------------------------------------------------------------

def _attributes(resource: dict) -> dict:
    return {k: v for k, v in resource.items() if k != "Properties"}


def _pair_resources(cfn: dict, sam: dict) -> tuple[dict[str, str], list[str]]:
    """CloudFormation logical ID -> translated logical ID, and what does not pair."""
    pairs = {name: name for name in cfn if name in sam and cfn[name].get("Type") == sam[name].get("Type")}
    problems = []
    # A mapping whose ID SAM did not reproduce: the same stream and function.
    for name, res in cfn.items():
        if name in pairs or res.get("Type") != MAPPING:
            continue
        key = (canonical(res["Properties"].get("EventSourceArn")), canonical(res["Properties"].get("FunctionName")))
        for other, candidate in sam.items():
            if other not in pairs.values() and candidate.get("Type") == MAPPING and key == (
                    canonical(candidate["Properties"].get("EventSourceArn")),
                    canonical(candidate["Properties"].get("FunctionName"))):
                pairs[name] = other
                break
    for name, res in cfn.items():
        if name not in pairs:
            found = sam.get(name, {}).get("Type")
            problems.append(f"{name} ({res.get('Type')}): not in the SAM translation"
                            + (f" (there it is a {found})" if found else ""))
    for name, res in sam.items():
        if name not in pairs.values():
            problems.append(f"{name} ({res.get('Type')}): only in the SAM translation")
    return pairs, problems


def check(cfn_path: Path, sam_path: Path) -> list[Result]:
    display = rel(sam_path)
    cfn_template = load_template(cfn_path)
    sam_source = load_template(sam_path).get("Resources") or {}
    try:
        sam_template = translate(Path(sam_path))
    except Exception as e:  # noqa: BLE001 - any translator failure is the finding
        return [Result(CHECK, display, False, "aws-sam-translator rejects the template", [f"{display}: {e}"])]
    cfn = cfn_template.get("Resources") or {}
    sam = sam_template.get("Resources") or {}
    results: list[Result] = []

    def result(aspect: str, problems: list[str], passed: str, notes: list[str] | None = None) -> None:
        if problems:
            results.append(Result(CHECK, display, False, f"{aspect} differ from {rel(cfn_path)}", problems))
        else:
            results.append(Result(CHECK, display, True, passed, notes or []))

    pairs, unpaired = _pair_resources(cfn, sam)
    result("resources", unpaired, f"the translation has the {len(cfn)} resources of {rel(cfn_path)}")

    functions = {name: res for name, res in cfn.items() if res.get("Type") == FUNCTION and name in pairs}
    roles: dict[str, tuple[str, str]] = {}  # CloudFormation role -> (its function, translated role)
    function_problems: list[str] = []
    for name, res in functions.items():
        props, sam_props = dict(res.get("Properties") or {}), dict(sam[pairs[name]].get("Properties") or {})
        cfn_role, sam_role = _getatt_target(props.pop("Role", None)), _getatt_target(sam_props.pop("Role", None))
        if cfn_role and sam_role:
            roles[cfn_role] = (name, sam_role)
        elif canonical(res["Properties"].get("Role")) != canonical(sam[pairs[name]]["Properties"].get("Role")):
            function_problems.append(f"{name}.Properties.Role: CloudFormation {_short(res['Properties'].get('Role'))}, "
                                     f"SAM translation {_short(sam[pairs[name]]['Properties'].get('Role'))}")
        tags = [t for t in _as_list(sam_props.pop("Tags", None)) if t.get("Key") != SAM_TAG]
        if tags:
            sam_props["Tags"] = tags
        function_problems += differences(props, sam_props, f"{name}.Properties")
        function_problems += differences(_attributes(res), _attributes(sam[pairs[name]]), name)
    if not functions:
        function_problems.append("no AWS::Lambda::Function of the CloudFormation flavor pairs with a SAM function: "
                                 "nothing was compared")
    result("functions", function_problems,
           f"{len(functions)} function(s) alike apart from the role ARN and SAM's {SAM_TAG} tag")

    mapping_problems: list[str] = []
    mappings = [name for name, res in cfn.items() if res.get("Type") == MAPPING and name in pairs]
    for name in mappings:
        mapping_problems += differences(cfn[name], sam[pairs[name]], name if pairs[name] == name else f"{name} ({pairs[name]})")
    has_events = any(((res.get("Properties") or {}).get("Events")) for res in sam_source.values())
    if has_events and not mappings:
        mapping_problems.append("the SAM template has events, but no event-source mapping of the CloudFormation flavor "
                                "pairs with one: nothing was compared")
    result("event-source mappings", mapping_problems,
           f"{len(mappings)} event-source mapping(s) with the same settings (stream, batch size, starting position, "
           f"filters, enabled, retries, destination, response types)")

    permission_problems: list[str] = []
    notes: list[str] = []
    for cfn_role, (function, sam_role) in roles.items():
        if cfn_role not in cfn or sam_role not in sam:
            permission_problems.append(f"{function}: its role {cfn_role} or {sam_role} is not a resource of the template")
            continue
        events = ((sam_source.get(function) or {}).get("Properties") or {}).get("Events") or {}
        problems, found = compare_roles(function, cfn[cfn_role], cfn_role, sam[sam_role], sam_role,
                                        sam[pairs[function]].get("Properties") or {}, events)
        permission_problems += problems
        notes += found
    if functions and not roles:
        permission_problems.append("no function role was paired between the flavors: no permission was compared")
    result("permissions", permission_problems,
           f"{len(roles)} function role(s) allow the same, apart from what SAM adds (SAM_ADDITIONS)", notes)

    rest = [name for name in cfn if name in pairs and name not in functions and name not in roles
            and cfn[name].get("Type") != MAPPING]
    rest_problems = [d for name in rest for d in differences(cfn[name], sam[pairs[name]], name)]
    tables = [name for name in rest if cfn[name].get("Type") == TABLE]
    listed = ", ".join(f"{n} ({cfn[n].get('Type')})" for n in rest)
    result("tables and the resources SAM does not model", rest_problems,
           f"identical: {listed}" + ("" if tables else " (no table)"))

    section_problems = []
    for section in ("Description", "Parameters", "Mappings", "Conditions", "Outputs"):
        section_problems += differences(cfn_template.get(section), sam_template.get(section), section)
    result("template sections", section_problems, "the same Description, Parameters, Mappings, Conditions and Outputs")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cfn", nargs="?", help="the CloudFormation flavour, e.g. out/cruddur-messaging.yaml")
    ap.add_argument("sam", nargs="?", help="the SAM flavour of the same stack, e.g. out/cruddur-messaging.sam.yaml")
    ap.add_argument("--readme", action="store_true", help="print what SAM adds, as the README lists it")
    args = ap.parse_args(argv)
    if args.readme:
        print(readme_text())
        return 0
    if not args.cfn or not args.sam:
        ap.error("give the CloudFormation template and its SAM flavour")
    results = check(Path(args.cfn), Path(args.sam))
    for r in results:
        print(r.render())
    failed = sum(not r.ok for r in results)
    print(f"{CHECK}: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

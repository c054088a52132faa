"""Check 5 (first half): deploy a template to the local moto server with `aws cloudformation deploy`.

The network the parameters point at (a VPC, two subnets, a route table, a security
group) is made first, since stacks take it as parameters. Parameters are mapped by
type, never by template name, so a new template needs no change here:

    AWS::EC2::VPC::Id                  -> the VPC
    List<AWS::EC2::Subnet::Id>         -> both subnets   (AWS::EC2::Subnet::Id -> the first)
    List<AWS::EC2::SecurityGroup::Id>  -> the group      (AWS::EC2::SecurityGroup::Id -> the group)
    CommaDelimitedList RouteTableIds   -> the route table
    String with an SNS-ARN AllowedPattern -> an SNS topic (where alarms notify)

A value in infra's out/<stack>.parameters.json is used for a parameter that is not one
of these; a parameter with a Default is left alone; any other required parameter fails
the check by name, because guessing a value would test nothing.

Stacks linked by exports and Fn::ImportValue are deployed together, exporters first,
into one moto account (a "unit"); unlinked stacks each get a fresh account. moto 5.2's
change-set path (what `aws cloudformation deploy` uses) neither registers a new stack's
exports nor resolves Fn::ImportValue ("No export named ... found"), so the stacks of a
linked unit are created with `aws cloudformation create-stack` and only updated with
`deploy`. A lone stack is created with `deploy`, as the issue asks.

SAM templates are deployed as their translation (see sam_translate): moto does not
run the SAM transform; it would skip AWS::Serverless::Function and still report
CREATE_COMPLETE, which is exactly the kind of pass we must not take.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from acceptance.common import work_dir, REGION, Result, aws_env, run, tail, tool

CHECK = "moto-deploy"
CAPABILITIES = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]


@dataclass
class Network:
    vpc: str
    subnets: list[str]
    route_table: str
    security_group: str
    alarm_topic: str = ""


@dataclass
class Deployment:
    """What the later checks need to know about a deployed stack."""

    stack: str
    template: dict                      # long-form template that was deployed
    template_file: Path
    parameters: dict[str, str]          # what was passed, as the CLI got it
    parameter_types: dict[str, str] = field(default_factory=dict)


def aws(endpoint: str, *args: str, timeout: float = 300) -> tuple[Any, str | None]:
    """Run the venv's aws CLI against moto; (parsed JSON or None, error text or None)."""
    assert endpoint.startswith("http://127.0.0.1:"), "the suite only talks to a loopback moto"
    proc = run([tool("aws"), *args, "--endpoint-url", endpoint, "--region", REGION,
                "--output", "json"], env=aws_env(), timeout=timeout)
    if proc.returncode != 0:
        said = " | ".join(tail((proc.stderr or "") + (proc.stdout or ""), 12))
        return None, f"aws {' '.join(args[:2])} exited {proc.returncode}: {said}"
    out = proc.stdout.strip()
    if not out:
        return {}, None
    try:
        return json.loads(out), None
    except json.JSONDecodeError:
        return out, None


def create_network(endpoint: str) -> Network:
    ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name=REGION,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{REGION}{az}")["Subnet"]["SubnetId"]
        for cidr, az in (("10.20.1.0/24", "a"), ("10.20.2.0/24", "b"))
    ]
    rtb = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    for subnet in subnets:
        ec2.associate_route_table(RouteTableId=rtb, SubnetId=subnet)
    sg = ec2.create_security_group(VpcId=vpc, GroupName="acceptance-lambda",
                                   Description="acceptance suite")["GroupId"]
    sns = boto3.client("sns", endpoint_url=endpoint, region_name=REGION,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    topic = sns.create_topic(Name="acceptance-alarms")["TopicArn"]
    return Network(vpc, subnets, rtb, sg, topic)


def parameter_file(template_path: Path) -> dict[str, str]:
    """infra's out/<stack>.parameters.json beside a template (a JSON list of "Key=Value"), if any."""
    stem = template_path.name.removesuffix(".yaml").removesuffix(".sam")
    path = template_path.with_name(stem + ".parameters.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text() or "[]")
    if isinstance(data, dict):
        return {str(k): str(v) for k, v in data.items()}
    given: dict[str, str] = {}
    for p in data:
        if isinstance(p, str) and "=" in p:  # infra's form: "Key=Value"
            key, value = p.split("=", 1)
            given[key] = value
        elif isinstance(p, dict) and "ParameterKey" in p and "ParameterValue" in p:
            given[str(p["ParameterKey"])] = str(p["ParameterValue"])
    return given


def map_parameters(template: dict, net: Network, given: dict[str, str] | None = None
                   ) -> tuple[dict[str, str], list[str]]:
    """Parameter overrides for a template, and the parameters we could not fill.

    Network parameters always point at the moto network (an environment's real VPC ids
    mean nothing here); another parameter takes its value from infra's parameters file
    (`given`) when that names it, else its Default."""
    given = given or {}
    values: dict[str, str] = {}
    unknown: list[str] = []
    for name, spec in (template.get("Parameters") or {}).items():
        spec = spec if isinstance(spec, dict) else {}
        ptype = str(spec.get("Type", ""))
        if "Default" in spec and name not in given:
            continue
        if ptype == "AWS::EC2::VPC::Id":
            values[name] = net.vpc
        elif ptype == "List<AWS::EC2::Subnet::Id>":
            values[name] = ",".join(net.subnets)
        elif ptype == "AWS::EC2::Subnet::Id":
            values[name] = net.subnets[0]
        elif ptype in ("List<AWS::EC2::SecurityGroup::Id>", "AWS::EC2::SecurityGroup::Id"):
            values[name] = net.security_group
        elif ptype == "CommaDelimitedList" and name == "RouteTableIds":
            values[name] = net.route_table
        elif ptype == "String" and ":sns:" in str(spec.get("AllowedPattern", "")) and net.alarm_topic:
            values[name] = net.alarm_topic
        elif name in given:
            values[name] = given[name]
        else:
            unknown.append(f"parameter {name} (Type {ptype or '?'}) has no Default and the suite "
                           f"does not know what to give it; add a Default or teach "
                           f"acceptance/checks/moto_deploy.py:map_parameters its type")
    return values, unknown


def cfn_deploy(endpoint: str, template_file: Path, stack: str, params: dict[str, str],
               create_stack: bool = False) -> str | None:
    """`aws cloudformation deploy` (or create-stack and its waiter);
    None when the stack ends CREATE/UPDATE_COMPLETE, else why not."""
    if create_stack:
        args = ["cloudformation", "create-stack", "--stack-name", stack,
                "--template-body", f"file://{template_file}", "--capabilities", *CAPABILITIES]
        if params:
            args += ["--parameters", json.dumps([{"ParameterKey": k, "ParameterValue": v}
                                                 for k, v in params.items()])]
        _, err = aws(endpoint, *args)
        if not err:
            _, err = aws(endpoint, "cloudformation", "wait", "stack-create-complete", "--stack-name", stack)
    else:
        args = ["cloudformation", "deploy", "--template-file", str(template_file), "--stack-name", stack,
                "--capabilities", *CAPABILITIES, "--no-fail-on-empty-changeset"]
        if params:
            # The form infra writes to <stack>.parameters.json: a JSON list of Key=Value,
            # passed as file:// so that the aws CLI itself proves it accepts the format.
            overrides = work_dir("overrides") / f"{stack}.json"  # never inside out/
            overrides.write_text(json.dumps([f"{k}={v}" for k, v in params.items()]))
            args += ["--parameter-overrides", f"file://{overrides}"]
        _, err = aws(endpoint, *args)
    if err:
        return err
    stacks, err = aws(endpoint, "cloudformation", "describe-stacks", "--stack-name", stack)
    if err:
        return err
    status = stacks["Stacks"][0].get("StackStatus")
    if status not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        reason = stacks["Stacks"][0].get("StackStatusReason")
        return f"stack {stack} is {status}: {reason}"
    return None


def stack_resources(endpoint: str, stack: str) -> tuple[dict[str, dict], str | None]:
    data, err = aws(endpoint, "cloudformation", "list-stack-resources", "--stack-name", stack)
    if err:
        return {}, err
    return {r["LogicalResourceId"]: r for r in data.get("StackResourceSummaries", [])}, None


def deploy(endpoint: str, template: dict, template_file: Path, stack: str, net: Network,
           display: str, create_stack: bool = False, given: dict[str, str] | None = None
           ) -> tuple[Result, Deployment | None]:
    params, unknown = map_parameters(template, net, given)
    if unknown:
        return Result(CHECK, display, False, "cannot fill the template's parameters", unknown), None
    how = "create-stack" if create_stack else "deploy"
    err = cfn_deploy(endpoint, template_file, stack, params, create_stack)
    if err:
        return Result(CHECK, display, False, f"aws cloudformation {how} of stack {stack} failed",
                      [err]), None
    types = {k: str((v or {}).get("Type", "")) for k, v in (template.get("Parameters") or {}).items()}
    dep = Deployment(stack, template, template_file, params, types)
    shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "no parameters"
    via = " with create-stack (linked by exports)" if create_stack else ""
    return Result(CHECK, display, True, f"stack {stack} deployed to moto{via} ({shown})"), dep


# --- which stacks go together ---------------------------------------------------------

def static_name(value: Any, stack: str) -> str | None:
    """An export/import name that needs no deployed resource to evaluate, or None."""
    pseudo = {"AWS::StackName": stack, "AWS::Region": REGION, "AWS::Partition": "aws",
              "AWS::AccountId": "123456789012", "AWS::URLSuffix": "amazonaws.com"}
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        (k, arg), = value.items()
        if k == "Fn::Sub" and isinstance(arg, str):
            names = re.findall(r"\$\{([^}!]+)\}", arg)
            if all(n in pseudo for n in names):
                return re.sub(r"\$\{([^}!]+)\}", lambda m: pseudo[m.group(1)], arg)
        if k == "Ref" and arg in pseudo:
            return pseudo[arg]
        if k == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            parts = [static_name(x, stack) for x in arg[1]]
            if all(p is not None for p in parts):
                return str(arg[0]).join(parts)  # type: ignore[arg-type]
    return None


def exports_of(template: dict, stack: str) -> set[str]:
    out = set()
    for spec in (template.get("Outputs") or {}).values():
        name = static_name(((spec or {}).get("Export") or {}).get("Name"), stack)
        if name:
            out.add(name)
    return out


def imports_of(node: Any, stack: str) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "Fn::ImportValue":
                name = static_name(v, stack)
                if name:
                    found.add(name)
            else:
                found |= imports_of(v, stack)
    elif isinstance(node, list):
        for v in node:
            found |= imports_of(v, stack)
    return found


def plan_units(stacks: list[tuple[str, dict]]) -> tuple[list[list[str]], list[str]]:
    """Group stacks linked by exports/imports and order each group exporters first.

    `stacks` is [(stack name, template)]; returns ([[stack, ...] per unit], problems).
    """
    exporter: dict[str, str] = {}
    for name, template in stacks:
        for export in exports_of(template, name):
            exporter[export] = name
    needs = {name: {exporter[i] for i in imports_of(template, name) if i in exporter} - {name}
             for name, template in stacks}
    # Connected components (links in either direction).
    parent = {name: name for name, _ in stacks}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for name, deps in needs.items():
        for d in deps:
            parent[find(name)] = find(d)
    units: dict[str, list[str]] = {}
    for name, _ in stacks:
        units.setdefault(find(name), []).append(name)
    ordered, problems = [], []
    for members in units.values():
        done: list[str] = []
        pending = list(members)
        while pending:
            ready = [m for m in pending if needs[m] <= set(done)]
            if not ready:
                problems.append(f"stacks {pending} import each other's exports in a cycle")
                done += pending
                break
            done += ready
            pending = [m for m in pending if m not in ready]
        ordered.append(done)
    return ordered, problems

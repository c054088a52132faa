"""`infra deploy` and `infra diff --deployed` against a local moto server (127.0.0.1).

The Cruddur stack (out/cruddur-messaging.yaml's app, the default environment) goes through
the whole cycle, with the built `infra` binary talking to moto through the suite's aws CLI
(INFRA_AWS_CLI, AWS_ENDPOINT_URL):

1. `infra deploy --yes` creates the stack (the VPC, subnets, route table and security group
   it takes as parameters are made in moto first); it must end CREATE_COMPLETE.
2. `infra diff --deployed` then shows no changes (exit 0).
3. The deployed stack's batch size is changed behind infra's back (`aws cloudformation
   update-stack` with BatchSize 5): `infra diff --deployed` shows BatchSize 5 -> 1 (exit 1),
   and `infra deploy --no-execute` previews it beside the change set and leaves it.
4. `infra deploy --yes` updates the stack in place: the same event source mapping (UUID)
   has batch size 1 again.
5. A dangerous change is refused: the deployed log group gets another name behind infra's
   back, so deploying the definition replaces it; `infra deploy --yes` must exit 3 naming
   it and --allow-replacement, and must not execute (the deployed template keeps the other
   name).

`infra deploy` synthesizes the Swift definition, so the changes are made on the deployed
side; the code paths (our diff, the change set, the comparison, the refusal) are the same.
What moto cannot show (Replacement/Scope/Details in change sets, resource events during an
execution, failures and rollbacks) is covered by the Swift tests' recorded answers
(Tests/InfraCLITests/DeployTests.swift). Bounded: every command has a timeout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from acceptance.cfnyaml import load_template
from acceptance.checks import moto_deploy
from acceptance.checks.synth_kill import binary
from acceptance.common import REPO, Result, aws_env, run, tail, tool, work_dir

CHECK = "infra-deploy"
STACK = "cruddur-messaging"
DISPLAY = "infra deploy (moto)"


def check(endpoint: str, exe: Path | None = None) -> list[Result]:
    results: list[Result] = []
    if exe is None:
        exe, failed = binary("infra")
        if failed:
            failed.check, failed.file = CHECK, DISPLAY
            return [failed]
    assert exe is not None
    env = aws_env({"AWS_ENDPOINT_URL": endpoint, "INFRA_AWS_CLI": tool("aws"), "NO_COLOR": "1"})
    net = moto_deploy.create_network(endpoint)
    network = ["--parameter", f"VpcId={net.vpc}", "--parameter", f"SubnetIds={','.join(net.subnets)}",
               "--parameter", f"SecurityGroupIds={net.security_group}", "--parameter", f"RouteTableIds={net.route_table}",
               "--parameter", f"AlarmTopicArn={net.alarm_topic}"]
    work = work_dir("infra-deploy")

    def infra(*args: str, timeout: float = 300):
        return run([str(exe), *args, "--root", str(REPO)], cwd=REPO, env=env, timeout=timeout)

    def step(name: str, ok: bool, message: str, proc=None, extra: list[str] | None = None) -> bool:
        details = list(extra or [])
        if proc is not None and not ok:
            details += [f"exit {proc.returncode}"] + tail(proc.stdout + "\n" + proc.stderr, 40)
        results.append(Result(CHECK, f"{DISPLAY}: {name}", ok, message, details))
        return ok

    # 1. create
    proc = infra("deploy", "--yes", "--poll-interval", "1", "--timeout", "120", *network)
    status = stack_status(endpoint)
    if not step("create", proc.returncode == 0 and status == "CREATE_COMPLETE",
                f"infra deploy --yes created {STACK} ({status})", proc):
        return results
    # 2. nothing to change
    proc = infra("diff", "--deployed")
    if not step("diff --deployed after the deploy", proc.returncode == 0 and "no changes" in proc.stdout,
                "infra diff --deployed: no changes (exit 0)", proc):
        return results
    # 3. the batch size differs: diff --deployed and the preview show it
    template = json.loads(get_template(endpoint))
    mapping = next(k for k, v in template["Resources"].items() if v["Type"] == "AWS::Lambda::EventSourceMapping")
    uuid_before = physical_id(endpoint, mapping)
    changed = json.loads(json.dumps(template))
    changed["Resources"][mapping]["Properties"]["BatchSize"] = 5
    if not update_behind(endpoint, changed, work / "batch5.json", net, results):
        return results
    proc = infra("diff", "--deployed")
    shown = re.search(r"BatchSize: 5 -> 1", proc.stdout) is not None
    if not step("diff --deployed shows the batch size", proc.returncode == 1 and shown,
                "infra diff --deployed: BatchSize 5 -> 1, in place (exit 1)", proc):
        return results
    proc = infra("deploy", "--no-execute", "--change-set-name", "infra-preview", *network)
    row = re.search(rf"{mapping}\s+AWS::Lambda::EventSourceMapping\s+in place \(BatchSize\)\s+Modify", proc.stdout)
    if not step("deploy --no-execute previews it", proc.returncode == 0 and row is not None
                and "Change set infra-preview of stack cruddur-messaging is left for review" in proc.stdout,
                "the preview shows our in-place BatchSize change beside CloudFormation's Modify, and leaves the change set", proc):
        return results
    # 4. deploy again: updated in place
    proc = infra("deploy", "--yes", "--poll-interval", "1", "--timeout", "120", *network)
    uuid_after = physical_id(endpoint, mapping)
    batch = mapping_batch_size(endpoint, uuid_after) if uuid_after else None
    if not step("update in place", proc.returncode == 0 and stack_status(endpoint) == "UPDATE_COMPLETE"
                and uuid_after == uuid_before and batch == 1,
                f"infra deploy --yes updated {STACK} in place (mapping {uuid_after}, batch size {batch})", proc,
                [f"mapping before {uuid_before}, after {uuid_after}, batch size {batch}"]):
        return results
    # 5. a dangerous change is refused
    template = json.loads(get_template(endpoint))
    # The log group's name is create-only: a new name replaces it (our rules: replacement,
    # the logs lost). Not the table's name: moto then drops the table from the stack and
    # every later DescribeStacks fails on the outputs' GetAtt.
    logs = next(k for k, v in template["Resources"].items() if v["Type"] == "AWS::Logs::LogGroup")
    renamed = json.loads(json.dumps(template))
    old_name = renamed["Resources"][logs]["Properties"]["LogGroupName"] + "-old"
    renamed["Resources"][logs]["Properties"]["LogGroupName"] = old_name
    if not update_behind(endpoint, renamed, work / "renamed.json", net, results):
        return results
    proc = infra("deploy", "--yes", "--poll-interval", "1", *network)
    kept = json.loads(get_template(endpoint))["Resources"][logs]["Properties"]["LogGroupName"]
    step("a replacement is refused", proc.returncode == 3 and "--allow-replacement" in proc.stderr
         and logs in proc.stderr and kept == old_name,
         f"infra deploy refused replacing {logs} without --allow-replacement (exit 3); nothing was executed", proc)
    return results


def aws(endpoint: str, *args: str):
    return moto_deploy.aws(endpoint, *args)


def stack_status(endpoint: str) -> str | None:
    data, err = aws(endpoint, "cloudformation", "describe-stacks", "--stack-name", STACK)
    if err or not data:
        return None
    live = [s for s in data.get("Stacks", []) if s.get("StackStatus") != "REVIEW_IN_PROGRESS"]
    return live[-1].get("StackStatus") if live else data["Stacks"][0].get("StackStatus")


def get_template(endpoint: str) -> str:
    """The deployed template as JSON text (the YAML one read with the suite's reader)."""
    data, err = aws(endpoint, "cloudformation", "get-template", "--stack-name", STACK, "--template-stage", "Original")
    assert not err, err
    body = data["TemplateBody"]
    if isinstance(body, dict):
        return json.dumps(body)
    path = work_dir("infra-deploy-template") / "template.yaml"
    path.write_text(body)
    return json.dumps(load_template(path))


def physical_id(endpoint: str, logical: str) -> str | None:
    resources, err = moto_deploy.stack_resources(endpoint, STACK)
    return None if err else (resources.get(logical) or {}).get("PhysicalResourceId")


def mapping_batch_size(endpoint: str, uuid: str) -> int | None:
    data, err = aws(endpoint, "lambda", "get-event-source-mapping", "--uuid", uuid)
    return None if err else data.get("BatchSize")


def update_behind(endpoint: str, template: dict, path: Path, net, results: list[Result]) -> bool:
    """Changes the deployed stack without infra (aws cloudformation update-stack)."""
    path.write_text(json.dumps(template))
    params = [{"ParameterKey": "VpcId", "ParameterValue": net.vpc},
              {"ParameterKey": "SubnetIds", "ParameterValue": ",".join(net.subnets)},
              {"ParameterKey": "SecurityGroupIds", "ParameterValue": net.security_group},
              {"ParameterKey": "RouteTableIds", "ParameterValue": net.route_table},
              {"ParameterKey": "AlarmTopicArn", "ParameterValue": net.alarm_topic}]
    _, err = aws(endpoint, "cloudformation", "update-stack", "--stack-name", STACK, "--template-body", f"file://{path}",
                 "--capabilities", "CAPABILITY_IAM", "--parameters", json.dumps(params))
    if err:
        results.append(Result(CHECK, f"{DISPLAY}: change behind infra's back", False, "aws cloudformation update-stack failed", [err]))
        return False
    return True

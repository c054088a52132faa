"""`infra schema`: the dev table from the same definition as the template.

Deploys a template with CloudFormation on the moto server, writes the table's
`create-table --cli-input-json` input with `infra schema`, creates a second table from it
(under another name, as both live in one account), and compares the two descriptions:
keys, attribute definitions, billing and capacity, each index, and the stream.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from acceptance.checks import moto_deploy, swift_checks
from acceptance.cfnyaml import load_template
from acceptance.common import REPO, Result, rel, run, swift_cmd, tail, work_dir

CHECK = "schema"


def _shape(table: dict) -> dict:
    """What both tables must agree on; names and timestamps differ by design."""
    def keys(schema: list) -> list:
        return [(k["AttributeName"], k["KeyType"]) for k in schema or []]

    def throughput(t: dict) -> Any:
        pt = t.get("ProvisionedThroughput") or {}
        return (pt.get("ReadCapacityUnits"), pt.get("WriteCapacityUnits"))

    return {
        "KeySchema": keys(table.get("KeySchema")),
        "AttributeDefinitions": sorted((a["AttributeName"], a["AttributeType"]) for a in table.get("AttributeDefinitions") or []),
        "BillingMode": (table.get("BillingModeSummary") or {}).get("BillingMode", "PROVISIONED"),
        "ProvisionedThroughput": throughput(table),
        "GlobalSecondaryIndexes": sorted(
            (g["IndexName"], keys(g.get("KeySchema")), (g.get("Projection") or {}).get("ProjectionType"), throughput(g))
            for g in table.get("GlobalSecondaryIndexes") or []),
        "LocalSecondaryIndexes": sorted(
            (g["IndexName"], keys(g.get("KeySchema")), (g.get("Projection") or {}).get("ProjectionType"))
            for g in table.get("LocalSecondaryIndexes") or []),
        "StreamSpecification": table.get("StreamSpecification"),
    }


def check(endpoint: str, template_path: Path, env: str | None, logical_id: str) -> Result:
    display = f"{rel(template_path)}#{logical_id}"
    work = work_dir("schema")
    template = load_template(template_path)
    net = moto_deploy.create_network(endpoint)
    result, dep = moto_deploy.deploy(endpoint, template, template_path, "schema-source", net, display)
    if dep is None:
        return Result(CHECK, display, False, "the template did not deploy", [result.message, *result.details])
    resources, err = moto_deploy.stack_resources(endpoint, "schema-source")
    if err or logical_id not in resources:
        return Result(CHECK, display, False, f"the deployed stack has no {logical_id}", [err or ""])
    deployed_name = resources[logical_id]["PhysicalResourceId"]
    deployed, err = moto_deploy.aws(endpoint, "dynamodb", "describe-table", "--table-name", deployed_name)
    if err:
        return Result(CHECK, display, False, "describe-table of the deployed table failed", [err])

    failed = swift_checks.build("infra")  # never a stale binary, whatever steps were skipped
    if failed:
        failed.check, failed.file = CHECK, display
        return failed
    schema_file = work / "table.json"
    args = ["run", "--skip-build", "infra", "schema", "--table", logical_id, "--output", str(schema_file)]
    if env:
        args += ["--env", env]
    proc = run(swift_cmd(*args), cwd=REPO, timeout=600)
    if proc.returncode != 0:
        return Result(CHECK, display, False, f"infra schema exited {proc.returncode}", tail(proc.stdout + proc.stderr, 20))
    schema = json.loads(schema_file.read_text())
    if schema.get("TableName") != deployed_name:
        return Result(CHECK, display, False, f"infra schema names the table {schema.get('TableName')!r}, "
                                             f"CloudFormation created {deployed_name!r}")
    schema["TableName"] = deployed_name + "-from-schema"
    schema_file.write_text(json.dumps(schema))
    created, err = moto_deploy.aws(endpoint, "dynamodb", "create-table", "--cli-input-json", f"file://{schema_file}")
    if err:
        return Result(CHECK, display, False, "aws dynamodb create-table --cli-input-json rejected infra schema's output", [err])
    want, got = _shape(deployed["Table"]), _shape(created["TableDescription"])
    differences = [f"{key}: CloudFormation {want[key]!r}, from the schema {got[key]!r}"
                   for key in want if want[key] != got[key]]
    if differences:
        return Result(CHECK, display, False, "the table created from `infra schema` differs from CloudFormation's", differences)
    return Result(CHECK, display, True, f"create-table from `infra schema{' --env ' + env if env else ''}` matches the "
                                        f"CloudFormation table: keys, {len(want['GlobalSecondaryIndexes'])} GSI(s), "
                                        f"stream {((want['StreamSpecification'] or {}).get('StreamViewType'))}")

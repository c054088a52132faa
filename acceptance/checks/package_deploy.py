"""Issue 15's proof: the nested example (examples/nested) packaged with the real
`aws cloudformation package` against moto's S3 on 127.0.0.1, deployed, and read back.

Every step runs the commands `nested-example synth` prints, as a user would copy them
(the bucket placeholder filled in, `--endpoint-url` added to each aws call), in a copy of
the example's folder, so the repository's out/ and .infra-build/ are never touched:

1. synth (`--root` the copy): the templates, and the build, package and deploy commands;
2. the build: the function's folder copied to `.infra-build/...` and `pip install -r
   requirements.txt` into it, for Lambda's platform (needs PyPI, or pip's cache);
3. `aws cloudformation package`: the code folder zipped and uploaded, each nested template
   uploaded (recursively), their paths replaced by S3 locations;
4. `aws cloudformation deploy --s3-bucket`, through moto's change sets.

Then it reads back: every stack (top-level and nested, two levels) CREATE_COMPLETE; the
resources of every stack as many as its template declares (more than 500 in all); the
references across nested-stack boundaries resolved to the right values (a parameter
passed down, an output read up, a sibling's through the parent); and the function's code
is the zip that package uploaded (moto's CodeSha256 is that object's SHA-256), holding
both modules and the dependency.

moto 5.2.5 needs two additions for nested stacks, made by acceptance/moto_nested.py (see
there): `Fn::GetAtt Child.Outputs.X`, and a TemplateURL on 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shlex
import shutil
import zipfile
from pathlib import Path

import boto3
import yaml

from acceptance.common import REPO, Result, aws_env, rel, run, swift_cmd, tail, tool

CHECK = "package-deploy"
READBACK = "package-readback"
EXAMPLE = REPO / "examples" / "nested"
BUCKET = "infra-artifacts"


class CfnLoader(yaml.SafeLoader):
    """Reads short-form intrinsics as plain values (enough to count resources)."""


def _any(loader, suffix, node):  # noqa: ANN001
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


CfnLoader.add_multi_constructor("!", _any)


def printed_commands(output: str) -> list[str]:
    """The shell commands after "To deploy", continuation lines joined, comments dropped."""
    if "To deploy" not in output:
        return []
    text = output.split("To deploy", 1)[-1]
    commands, current = [], ""
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        current += stripped.removesuffix("\\").rstrip() + " " if stripped.endswith("\\") else stripped
        if not stripped.endswith("\\"):
            commands.append(current)
            current = ""
    return commands


def check(endpoint: str, work: Path) -> tuple[list[Result], dict | None]:
    """Synthesize, build, package and deploy; (results, what readback needs) ."""
    assert endpoint.startswith("http://127.0.0.1:"), "the suite only talks to a loopback moto"
    root = work / "project"
    shutil.copytree(EXAMPLE / "templates", root / "examples" / "nested" / "templates")
    synth = run(swift_cmd("run", "nested-example", "synth", "--root", str(root)), cwd=REPO, timeout=1800)
    if synth.returncode != 0:
        return [Result(CHECK, "examples/nested", False, f"nested-example synth exited {synth.returncode}",
                       tail(synth.stderr + synth.stdout, 20))], None
    commands = printed_commands(synth.stdout)
    if not any(c.startswith("aws cloudformation package") for c in commands):
        return [Result(CHECK, "examples/nested", False, "synth printed no `aws cloudformation package` command",
                       tail(synth.stdout, 20))], None
    region = next((m.group(1) for c in commands for m in [re.search(r"--region (\S+)", c)] if m), "us-east-1")
    # The aws CLI's S3 uploads (package, deploy --s3-bucket) take their endpoint from the
    # environment; `--endpoint-url` only reaches the cloudformation client.
    env = aws_env({"AWS_ENDPOINT_URL_S3": endpoint, "AWS_DEFAULT_REGION": region, "AWS_REGION": region,
                   "PATH": str(Path(tool("aws")).parent) + os.pathsep + os.environ.get("PATH", "")})
    mb = run([tool("aws"), "s3", "mb", f"s3://{BUCKET}", "--endpoint-url", endpoint], env=env)
    if mb.returncode != 0:
        return [Result(CHECK, "examples/nested", False, "cannot create the artifact bucket", tail(mb.stderr))], None
    ran: list[str] = []
    for command in commands:
        command = command.replace("<artifact-bucket>", BUCKET)
        if command.startswith("aws "):
            command += f" --endpoint-url {endpoint}"
        proc = run(["bash", "-c", command], cwd=root, env=env, timeout=900)
        ran.append(command)
        if proc.returncode != 0:
            return [Result(CHECK, "examples/nested", False, f"`{command[:90]}...` exited {proc.returncode}",
                           tail(proc.stderr + proc.stdout, 15))], None
    packaged = next(c for c in commands if c.startswith("aws cloudformation package"))
    output_file = root / shlex.split(packaged)[shlex.split(packaged).index("--output-template-file") + 1]
    stack = shlex.split(next(c for c in commands if c.startswith("aws cloudformation deploy")))
    stack_name = stack[stack.index("--stack-name") + 1]
    templates = {p.name: yaml.load(p.read_text(), Loader=CfnLoader) for p in (root / "examples" / "nested" / "out").glob("*.yaml")}
    return [Result(CHECK, "examples/nested", True,
                   f"built, packaged and deployed with the {len(commands)} printed commands "
                   f"({', '.join(c.split(' ')[0] + ' ' + c.split(' ')[1] for c in commands)})")], {
        "region": region, "stack": stack_name, "packaged": yaml.load(output_file.read_text(), Loader=CfnLoader),
        "templates": templates,
    }


def readback(endpoint: str, deployed: dict) -> list[Result]:
    results: list[Result] = []
    region = deployed["region"]
    session = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")
    cfn = boto3.client("cloudformation", **session)
    s3 = boto3.client("s3", **session)
    lam = boto3.client("lambda", **session)
    ssm = boto3.client("ssm", **session)
    templates = deployed["templates"]

    # Every stack of the tree, with its resources, against its template.
    problems, counted, stacks = [], 0, 0
    queue = [(deployed["stack"], "nested-app.yaml")]
    physical: dict[tuple[str, str], str] = {}
    while queue:
        name, file = queue.pop(0)
        stacks += 1
        status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        if status != "CREATE_COMPLETE":
            problems.append(f"{file}: stack {name} is {status}")
        resources = cfn.list_stack_resources(StackName=name)["StackResourceSummaries"]
        declared = templates[file]["Resources"]
        counted += len(resources)
        if sorted(r["LogicalResourceId"] for r in resources) != sorted(declared):
            missing = sorted(set(declared) - {r["LogicalResourceId"] for r in resources})
            problems.append(f"{file}: {len(resources)} resources deployed, {len(declared)} declared; missing {missing[:5]}")
        for r in resources:
            physical[(file, r["LogicalResourceId"])] = r["PhysicalResourceId"]
            if r["ResourceType"] == "AWS::CloudFormation::Stack":
                queue.append((r["PhysicalResourceId"], declared[r["LogicalResourceId"]]["Properties"]["TemplateURL"]))
    results.append(Result(READBACK, "examples/nested", not problems and counted > 500,
                          f"{stacks} stacks (2 levels of nesting) CREATE_COMPLETE with {counted} resources, as their templates declare"
                          if not problems and counted > 500 else f"{counted} resources in {stacks} stacks", problems))

    # The references across the boundaries.
    worker = lam.get_function(FunctionName=physical[("nested-app.yaml", "Worker")])
    worker_arn = worker["Configuration"]["FunctionArn"]
    queue_url = physical[("nested-app.Queues1.yaml", "Queue0")]
    queue_arn = boto3.client("sqs", **session).get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    expected = {
        "/nested-example/queues2/worker-arn": worker_arn,          # parent -> child (a parameter)
        "/nested-example/extra/worker-arn": worker_arn,            # parent -> grandchild (two parameters)
        "/nested-example/queues2/first-queue-arn": queue_arn,      # sibling -> sibling (output, then parameter)
    }
    got = {p["Name"]: p["Value"] for p in ssm.get_parameters(Names=list(expected))["Parameters"]}
    env_queue = worker["Configuration"].get("Environment", {}).get("Variables", {}).get("QUEUE_URL")  # child -> parent
    bad = [f"{k}: {got.get(k)!r}, expected {v!r}" for k, v in expected.items() if got.get(k) != v]
    if env_queue != queue_url:
        bad.append(f"Worker's QUEUE_URL: {env_queue!r}, expected Queues1's Queue0 {queue_url!r}")
    results.append(Result(READBACK, "examples/nested#references", not bad,
                          "references resolved across the boundaries: parent->child, parent->grandchild, sibling->sibling, child->parent"
                          if not bad else "a reference across a nested-stack boundary resolved wrong", bad))

    # The function's code is the zip package uploaded.
    code = deployed["packaged"]["Resources"]["Worker"]["Properties"]["Code"]
    body = s3.get_object(Bucket=code["S3Bucket"], Key=code["S3Key"])["Body"].read()
    sha = base64.b64encode(hashlib.sha256(body).digest()).decode()
    names = sorted(zipfile.ZipFile(io.BytesIO(body)).namelist())
    wanted = ["handler.py", "helpers.py", "six.py"]
    issues = []
    if worker["Configuration"]["CodeSha256"] != sha:
        issues.append(f"CodeSha256 {worker['Configuration']['CodeSha256']} is not the uploaded zip's {sha}")
    issues += [f"{n} is not in the zip" for n in wanted if n not in names]
    results.append(Result(READBACK, "examples/nested#Worker", not issues,
                          f"the function's code is the uploaded zip s3://{code['S3Bucket']}/{code['S3Key']} "
                          f"({len(body)} bytes, {len(names)} files, with {', '.join(wanted)})" if not issues else "the function's code differs", issues))
    return results

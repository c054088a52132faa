"""The nested example (examples/nested, `nested-example synth`) written with troposphere: the
same 5 templates and 540 resources (a function whose code is a local folder, hashed into its
Metadata as infra does; 3 nested stacks of 170 queues, one with a nested stack of 20 queues and
SSM parameters), with the parameters and outputs that cross the boundaries written by hand,
as troposphere has no nesting of its own. YAML out, as infra writes.

    python bench/troposphere/nested.py --root . --out DIR
"""
import argparse
import hashlib
import os

from troposphere import GetAtt, Output, Parameter, Ref, Template
from troposphere import awslambda, cloudformation, iam, logs, sqs, ssm

CODE = "examples/nested/templates/worker"
QUEUES, EXTRA = 170, 20


def folder_hash(root, folder):
    """infra's manifest hash: path, execute bit and SHA-256 of each file, in byte order of paths."""
    base = os.path.join(root, folder)
    entries = []
    for directory, folders, files in os.walk(base):
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in files:
            if name == ".DS_Store" or name.endswith(".pyc"):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            entries.append((os.path.relpath(path, base).encode(), b"x" if os.stat(path).st_mode & 0o100 else b"-", digest.encode()))
    manifest = hashlib.sha256()
    for path, mode, digest in sorted(entries):
        manifest.update(path + b"\0" + mode + b"\0" + digest + b"\n")
    return "sha256:" + manifest.hexdigest()


def queues(template, count):
    for index in range(count):
        template.add_resource(sqs.Queue(f"Queue{index}", MessageRetentionPeriod=345600, SqsManagedSseEnabled=True))


def nested(logical_id, file, parameters=None):
    stack = cloudformation.Stack(logical_id, TemplateURL=file)
    if parameters:
        stack.Parameters = parameters
    return stack


def build(root):
    parent = Template(Description="Nested stacks past 500 resources, with a folder-code function")
    queues1 = Template(Description="Queues, part 1")
    queues(queues1, QUEUES)
    queues1.add_output(Output("Queue0", Value=Ref("Queue0")))
    queues1.add_output(Output("Queue0Arn", Value=GetAtt("Queue0", "Arn")))
    parent.add_resource(nested("Queues1", "nested-app.Queues1.yaml"))

    log_group = parent.add_resource(logs.LogGroup("WorkerLogGroup", RetentionInDays=30))
    role = parent.add_resource(iam.Role(
        "WorkerRole",
        AssumeRolePolicyDocument={"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        Policies=[iam.Policy(PolicyName="WorkerRolePolicy", PolicyDocument={"Version": "2012-10-17", "Statement": [{
            "Sid": "WriteOwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": GetAtt(log_group, "Arn")}]})]))
    worker = awslambda.Function(
        "Worker", Description="Formats a greeting with its dependency", Runtime="python3.13", Architectures=["x86_64"],
        Handler="handler.handle", Code=awslambda.Code(S3Bucket="placeholder", S3Key="placeholder"), Role=GetAtt(role, "Arn"),
        MemorySize=128, Timeout=30, Environment=awslambda.Environment(Variables={"QUEUE_URL": GetAtt("Queues1", "Outputs.Queue0")}),
        LoggingConfig=awslambda.LoggingConfig(LogGroup=Ref(log_group)),
        Metadata={"infra": {"codeHash": folder_hash(root, CODE)}})
    # A local path, as `aws cloudformation package` takes it (troposphere's type wants a Code object).
    worker.properties["Code"] = "../../../.infra-build/" + CODE + "/"
    parent.add_resource(worker)

    queues2 = Template(Description="Queues, part 2")
    queues2.add_parameter(Parameter("WorkerArn", Type="String"))
    queues2.add_parameter(Parameter("Queues1Queue0Arn", Type="String"))
    queues(queues2, QUEUES)
    queues2.add_resource(ssm.Parameter("WorkerArnParameter", Name="/nested-example/queues2/worker-arn", Type="String", Value=Ref("WorkerArn")))
    queues2.add_resource(ssm.Parameter("SiblingQueueParameter", Name="/nested-example/queues2/first-queue-arn", Type="String", Value=Ref("Queues1Queue0Arn")))
    parent.add_resource(nested("Queues2", "nested-app.Queues2.yaml", {"WorkerArn": GetAtt(worker, "Arn"), "Queues1Queue0Arn": GetAtt("Queues1", "Outputs.Queue0Arn")}))

    extra = Template(Description="Queues nested two levels deep")
    extra.add_parameter(Parameter("WorkerArn", Type="String"))
    queues(extra, EXTRA)
    extra.add_resource(ssm.Parameter("WorkerArnParameter", Name="/nested-example/extra/worker-arn", Type="String", Value=Ref("WorkerArn")))
    queues3 = Template(Description="Queues, part 3, with a stack nested in it")
    queues3.add_parameter(Parameter("WorkerArn", Type="String"))
    queues(queues3, QUEUES)
    queues3.add_resource(nested("Extra", "nested-app.Queues3.Extra.yaml", {"WorkerArn": Ref("WorkerArn")}))
    parent.add_resource(nested("Queues3", "nested-app.Queues3.yaml", {"WorkerArn": GetAtt(worker, "Arn")}))

    parent.add_output(Output("WorkerArn", Value=GetAtt(worker, "Arn")))
    parent.add_output(Output("FirstQueueUrl", Value=GetAtt("Queues1", "Outputs.Queue0")))
    return {"nested-app": parent, "nested-app.Queues1": queues1, "nested-app.Queues2": queues2,
            "nested-app.Queues3": queues3, "nested-app.Queues3.Extra": extra}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=".")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, template in build(args.root).items():
        with open(os.path.join(args.out, name + ".yaml"), "w") as f:
            f.write(template.to_yaml())


if __name__ == "__main__":
    main()

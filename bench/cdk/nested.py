"""The nested example (examples/nested, `nested-example synth`) written with AWS CDK v2: the
same resources in a stack with 3 NestedStacks (one nesting another), L1 constructs as in
bench/cdk/synth.py, and the function's code from the folder as a CDK asset (`aws_s3_assets.Asset`:
hashed and staged into the cloud assembly, CDK's counterpart of infra's code hash). CDK makes the
parameters and outputs across the nested-stack boundaries itself, as infra does.
Synthesized with `app.synth()`; no CDK CLI.

    python bench/cdk/nested.py --root . --out DIR
"""
import argparse
import os

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3_assets as assets
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_ssm as ssm

CODE = "examples/nested/templates/worker"
QUEUES, EXTRA = 170, 20


def queues(scope, count):
    return [sqs.CfnQueue(scope, f"Queue{index}", message_retention_period=345600, sqs_managed_sse_enabled=True) for index in range(count)]


def build(app, root):
    parent = cdk.Stack(app, "nested-app", description="Nested stacks past 500 resources, with a folder-code function",
                       synthesizer=cdk.DefaultStackSynthesizer(generate_bootstrap_version_rule=False))
    queues1 = cdk.NestedStack(parent, "Queues1", description="Queues, part 1")
    first = queues(queues1, QUEUES)[0]

    log_group = logs.CfnLogGroup(parent, "WorkerLogGroup", retention_in_days=30)
    role = iam.CfnRole(parent, "WorkerRole", assume_role_policy_document={
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        policies=[iam.CfnRole.PolicyProperty(policy_name="WorkerRolePolicy", policy_document={"Version": "2012-10-17", "Statement": [{
            "Sid": "WriteOwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": log_group.attr_arn}]})])
    code = assets.Asset(parent, "WorkerCode", path=os.path.join(root, CODE))
    worker = lambda_.CfnFunction(parent, "Worker", description="Formats a greeting with its dependency", runtime="python3.13",
        architectures=["x86_64"], handler="handler.handle", role=role.attr_arn, memory_size=128, timeout=30,
        code=lambda_.CfnFunction.CodeProperty(s3_bucket=code.s3_bucket_name, s3_key=code.s3_object_key),
        environment=lambda_.CfnFunction.EnvironmentProperty(variables={"QUEUE_URL": first.ref}),
        logging_config=lambda_.CfnFunction.LoggingConfigProperty(log_group=log_group.ref))

    queues2 = cdk.NestedStack(parent, "Queues2", description="Queues, part 2")
    queues(queues2, QUEUES)
    ssm.CfnParameter(queues2, "WorkerArnParameter", name="/nested-example/queues2/worker-arn", type="String", value=worker.attr_arn)
    ssm.CfnParameter(queues2, "SiblingQueueParameter", name="/nested-example/queues2/first-queue-arn", type="String", value=first.attr_arn)

    queues3 = cdk.NestedStack(parent, "Queues3", description="Queues, part 3, with a stack nested in it")
    queues(queues3, QUEUES)
    extra = cdk.NestedStack(queues3, "Extra", description="Queues nested two levels deep")
    queues(extra, EXTRA)
    ssm.CfnParameter(extra, "WorkerArnParameter", name="/nested-example/extra/worker-arn", type="String", value=worker.attr_arn)

    cdk.CfnOutput(parent, "WorkerArn", value=worker.attr_arn)
    cdk.CfnOutput(parent, "FirstQueueUrl", value=first.ref)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=".")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    app = cdk.App(outdir=args.out)
    build(app, os.path.abspath(args.root))
    app.synth()


if __name__ == "__main__":
    main()

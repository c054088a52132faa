"""The benchmark's stacks written with AWS CDK v2 for Python: Cruddur's messaging stack (prod)
and the generated stack of N copies that `synth-bench --copies N` synthesizes.

L1 (Cfn*) constructs, so that the template has exactly infra's resources and properties
(bench/compare.py checks it): CDK's L2 constructs would add their own resources (a separate
AWS::IAM::Policy for grants, a custom resource for log retention) and take longer to
synthesize, so L1 is the like-for-like, and the faster, way to write these stacks in CDK.
Synthesized with `app.synth()` (JSON into --out, CDK's cloud assembly); no CDK CLI.

    python bench/cdk/synth.py cruddur --root . --out DIR
    python bench/cdk/synth.py copies --copies 80 [--code s3] --root . --out DIR
"""
import argparse
import os

import aws_cdk as cdk
from aws_cdk import Fn, RemovalPolicy
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs

POLICY_VERSION = "2012-10-17"
LAMBDA_TRUST = {
    "Version": POLICY_VERSION,
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }],
}
MESSAGE_FILTER = '{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}'


def key_schema(partition, sort):
    return [dynamodb.CfnTable.KeySchemaProperty(attribute_name=partition, key_type="HASH"),
            dynamodb.CfnTable.KeySchemaProperty(attribute_name=sort, key_type="RANGE")]


def throughput(read, write):
    return dynamodb.CfnTable.ProvisionedThroughputProperty(read_capacity_units=read, write_capacity_units=write)


def messages_table(scope, logical_id, table_name, read=5, write=5):
    """The table with its GSI and NEW_IMAGE stream, PITR and SSE, retained on delete/replace."""
    table = dynamodb.CfnTable(
        scope, logical_id,
        table_name=table_name,
        attribute_definitions=[
            dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="pk", attribute_type="S"),
            dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="sk", attribute_type="S"),
            dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="message_group_uuid", attribute_type="S"),
        ],
        key_schema=key_schema("pk", "sk"),
        global_secondary_indexes=[dynamodb.CfnTable.GlobalSecondaryIndexProperty(
            index_name="message-group-sk-index",
            key_schema=key_schema("message_group_uuid", "sk"),
            projection=dynamodb.CfnTable.ProjectionProperty(projection_type="ALL"),
            provisioned_throughput=throughput(read, write),
        )],
        billing_mode="PROVISIONED",
        provisioned_throughput=throughput(read, write),
        stream_specification=dynamodb.CfnTable.StreamSpecificationProperty(stream_view_type="NEW_IMAGE"),
        point_in_time_recovery_specification=dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(
            point_in_time_recovery_enabled=True),
        sse_specification=dynamodb.CfnTable.SSESpecificationProperty(sse_enabled=True),
    )
    table.apply_removal_policy(RemovalPolicy.RETAIN)  # DeletionPolicy and UpdateReplacePolicy
    return table


def stream_processor(scope, function_id, function_name, description, table, code, vpc=None, failures=None):
    """Log group, role (inline statements only), function and stream trigger, as infra's
    Function + grants + trigger(on:) make them."""
    table_id = table.node.id
    log_group = logs.CfnLogGroup(scope, function_id + "LogGroup",
                                 log_group_name="/aws/lambda/" + function_name, retention_in_days=30)
    statements = [
        {"Sid": "WriteOwnLogs", "Effect": "Allow",
         "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": log_group.attr_arn},
        {"Sid": "QueryMessageGroupIndex", "Effect": "Allow", "Action": "dynamodb:Query",
         "Resource": Fn.sub("${%s.Arn}/index/message-group-sk-index" % table_id)},
        {"Sid": "Write" + table_id, "Effect": "Allow",
         "Action": ["dynamodb:DeleteItem", "dynamodb:PutItem"],
         "Resource": table.attr_arn},
        {"Sid": "Read%sStream" % table_id, "Effect": "Allow",
         "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
         "Resource": table.attr_stream_arn},
        {"Sid": "ListStreamsHasNoResourceLevelPermissions", "Effect": "Allow",
         "Action": "dynamodb:ListStreams", "Resource": "*"},
    ]
    if failures is not None:
        statements.append({
            "Sid": "SendFailedRecordsTo" + failures.node.id, "Effect": "Allow",
            "Action": "sqs:SendMessage", "Resource": failures.attr_arn})
    role = iam.CfnRole(
        scope, function_id + "Role",
        assume_role_policy_document=LAMBDA_TRUST,
        managed_policy_arns=[Fn.sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess")] if vpc else None,
        policies=[iam.CfnRole.PolicyProperty(
            policy_name=function_id + "RolePolicy",
            policy_document={"Version": POLICY_VERSION, "Statement": statements},
        )],
    )
    function = lambda_.CfnFunction(
        scope, function_id,
        function_name=function_name,
        description=description,
        runtime="python3.13",
        architectures=["x86_64"],
        handler="index.lambda_handler",
        code=code,
        role=role.attr_arn,
        memory_size=128,
        timeout=30,
        environment=lambda_.CfnFunction.EnvironmentProperty(variables={
            "TABLE_NAME": table.ref,
            "INDEX_NAME": "message-group-sk-index",
        }),
        vpc_config=lambda_.CfnFunction.VpcConfigProperty(subnet_ids=vpc[0], security_group_ids=vpc[1]) if vpc else None,
        logging_config=lambda_.CfnFunction.LoggingConfigProperty(log_group=log_group.ref),
    )
    lambda_.CfnEventSourceMapping(
        scope, function_id + table_id + "Events",
        event_source_arn=table.attr_stream_arn,
        function_name=function.ref,
        batch_size=1,
        starting_position="LATEST",
        enabled=True,
        maximum_retry_attempts=5,
        destination_config=lambda_.CfnEventSourceMapping.DestinationConfigProperty(
            on_failure=lambda_.CfnEventSourceMapping.OnFailureProperty(destination=failures.attr_arn)) if failures is not None else None,
        filter_criteria=lambda_.CfnEventSourceMapping.FilterCriteriaProperty(
            filters=[lambda_.CfnEventSourceMapping.FilterProperty(pattern=MESSAGE_FILTER)]),
        function_response_types=["ReportBatchItemFailures"],
    )
    return function


def read(root, path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return f.read()


def new_stack(app, name, description):
    # No BootstrapVersion parameter and rule: infra's template has neither.
    return cdk.Stack(app, name, description=description,
                     synthesizer=cdk.DefaultStackSynthesizer(generate_bootstrap_version_rule=False))


# (logical ID, description, datapoints to alarm, (dimension, of the function or the queue),
# evaluation periods, metric, namespace, statistic, threshold) of the stream trigger's alarms.
STREAM_ALARMS = [('MessagingStreamIteratorAgeAlarm', "MessagingStream is falling behind its stream: records wait longer than the threshold (ms) to be processed, and are lost at the trigger's maximum record age or when the stream drops them.", 5, ('FunctionName', 'fn'), 5, 'IteratorAge', 'AWS/Lambda', 'Maximum', 3600000), ('MessagingStreamErrorsAlarm', 'MessagingStream failed an invocation in the last five minutes: its batch is retried, and the records behind it wait.', 1, ('FunctionName', 'fn'), 5, 'Errors', 'AWS/Lambda', 'Sum', 0), ('MessagingStreamFailuresMessagesVisibleAlarm', 'Trigger MessagingStreamMessagesEvents gave up on records: they are in MessagingStreamFailures for a person to look at.', 1, ('QueueName', 'queue'), 1, 'ApproximateNumberOfMessagesVisible', 'AWS/SQS', 'Maximum', 0)]


def cruddur(app, root):
    """cruddur-messaging in prod."""
    stack = new_stack(app, "cruddur-messaging", "Cruddur direct messages: the table and its stream, a gateway endpoint to DynamoDB, and the stream processor")
    vpc_id = cdk.CfnParameter(stack, "VpcId", type="AWS::EC2::VPC::Id", description="The VPC the stream processor runs in")
    subnets = cdk.CfnParameter(stack, "SubnetIds", type="List<AWS::EC2::Subnet::Id>", description="Subnets for the stream processor (two, in different AZs)")
    groups = cdk.CfnParameter(stack, "SecurityGroupIds", type="List<AWS::EC2::SecurityGroup::Id>", description="Security groups for the stream processor")
    routes = cdk.CfnParameter(stack, "RouteTableIds", type="CommaDelimitedList", description="Route tables that get the DynamoDB gateway endpoint")
    topic = cdk.CfnParameter(stack, "AlarmTopicArn", type="String", description="The SNS topic the stream processor's alarms notify (the ops topic)",
                             allowed_pattern="arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}",
                             constraint_description="the ARN of an SNS topic: arn:aws:sns:<region>:<account>:<name>")

    messages = messages_table(stack, "Messages", "cruddur-messages")
    ec2.CfnVPCEndpoint(
        stack, "DynamoDBEndpoint",
        vpc_endpoint_type="Gateway",
        service_name=Fn.sub("com.amazonaws.${AWS::Region}.dynamodb"),
        vpc_id=vpc_id.value_as_string,
        route_table_ids=routes.value_as_list,
        policy_document={"Version": POLICY_VERSION, "Statement": [{
            "Sid": "MessagesOnly", "Effect": "Allow", "Principal": "*",
            "Action": ["dynamodb:" + a for a in (
                "BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "DeleteItem", "DescribeTable",
                "GetItem", "PutItem", "Query", "Scan", "UpdateItem")],
            "Resource": [messages.attr_arn, Fn.sub("${Messages.Arn}/index/*")],
        }]},
    )
    failures = sqs.CfnQueue(stack, "MessagingStreamFailures", message_retention_period=1209600, sqs_managed_sse_enabled=True)
    code = lambda_.CfnFunction.CodeProperty(zip_file=read(root, "templates/cruddur-messaging-stream/index.py"))
    function = stream_processor(
        stack, "MessagingStream", "cruddur-messaging-stream",
        "Keeps each message group's latest message up to date from the messages stream",
        messages, code, vpc=(subnets.value_as_list, groups.value_as_list), failures=failures)
    # The trigger's default alarms (infra's StreamAlarms), notifying the ops topic.
    for name, description, datapoints, (dimension, of), periods, metric, namespace, statistic, threshold in STREAM_ALARMS:
        value = function.ref if of == "fn" else failures.attr_queue_name
        cloudwatch.CfnAlarm(
            stack, name, alarm_actions=[topic.value_as_string], alarm_description=description,
            comparison_operator="GreaterThanThreshold", datapoints_to_alarm=datapoints,
            dimensions=[cloudwatch.CfnAlarm.DimensionProperty(name=dimension, value=value)],
            evaluation_periods=periods, metric_name=metric, namespace=namespace, ok_actions=[topic.value_as_string],
            period=60, statistic=statistic, threshold=threshold, treat_missing_data="notBreaching")

    cdk.CfnOutput(stack, "TableName", description="The messages table", value=messages.ref)
    cdk.CfnOutput(stack, "TableArn", description="The messages table's ARN", value=messages.attr_arn)
    cdk.CfnOutput(stack, "StreamArn", description="The table's stream of NEW_IMAGE records", value=messages.attr_stream_arn)
    cdk.CfnOutput(stack, "FunctionArn", description="The stream processor", value=function.attr_arn)


def copies(app, root, n, code_source):
    """synth-bench's stack: n copies of (table + GSI + stream, log group, role, function, trigger)."""
    stack = new_stack(app, "synth-bench", "synth-bench: %d cop%s of a table with a GSI and a stream, and its stream processor" % (n, "y" if n == 1 else "ies"))
    source = read(root, "bench/synth/handler.py") if code_source == "inline" else None
    for i in range(1, n + 1):
        table = messages_table(stack, "Messages%d" % i, "bench-messages-%d" % i)
        if source is not None:
            code = lambda_.CfnFunction.CodeProperty(zip_file=source)
        else:
            code = lambda_.CfnFunction.CodeProperty(s3_bucket="synth-bench-artifacts", s3_key="processor-%d.zip" % i)
        stream_processor(stack, "Processor%d" % i, "bench-processor-%d" % i,
                         "Processes the stream of bench-messages-%d" % i, table, code)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stack", choices=["cruddur", "copies"])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--code", choices=["inline", "s3"], default="inline")
    parser.add_argument("--root", default=".")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    # No CDKMetadata resource (version reporting): infra's template has none.
    app = cdk.App(outdir=args.out, analytics_reporting=False)
    if args.stack == "cruddur":
        cruddur(app, args.root)
    else:
        copies(app, args.root, args.copies, args.code)
    app.synth()


if __name__ == "__main__":
    main()

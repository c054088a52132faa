"""The benchmark's stacks written with troposphere: Cruddur's messaging stack (prod) and the
generated stack of N copies that `synth-bench --copies N` synthesizes. Same resources and
properties as infra's templates (bench/compare.py checks it); YAML out, as infra writes.

    python bench/troposphere/synth.py cruddur --root . --out DIR
    python bench/troposphere/synth.py copies --copies 80 [--code s3] --root . --out DIR
"""
import argparse
import os

from troposphere import GetAtt, Output, Parameter, Ref, Sub, Template
from troposphere import awslambda, cloudwatch, dynamodb, ec2, iam, logs, sqs

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
    return [dynamodb.KeySchema(AttributeName=partition, KeyType="HASH"),
            dynamodb.KeySchema(AttributeName=sort, KeyType="RANGE")]


def throughput(read, write):
    return dynamodb.ProvisionedThroughput(ReadCapacityUnits=read, WriteCapacityUnits=write)


def messages_table(logical_id, table_name, read=5, write=5):
    """The table with its GSI and NEW_IMAGE stream, PITR and SSE, retained on delete/replace."""
    return dynamodb.Table(
        logical_id,
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
        TableName=table_name,
        AttributeDefinitions=[
            dynamodb.AttributeDefinition(AttributeName="pk", AttributeType="S"),
            dynamodb.AttributeDefinition(AttributeName="sk", AttributeType="S"),
            dynamodb.AttributeDefinition(AttributeName="message_group_uuid", AttributeType="S"),
        ],
        KeySchema=key_schema("pk", "sk"),
        GlobalSecondaryIndexes=[dynamodb.GlobalSecondaryIndex(
            IndexName="message-group-sk-index",
            KeySchema=key_schema("message_group_uuid", "sk"),
            Projection=dynamodb.Projection(ProjectionType="ALL"),
            ProvisionedThroughput=throughput(read, write),
        )],
        BillingMode="PROVISIONED",
        ProvisionedThroughput=throughput(read, write),
        StreamSpecification=dynamodb.StreamSpecification(StreamViewType="NEW_IMAGE"),
        PointInTimeRecoverySpecification=dynamodb.PointInTimeRecoverySpecification(PointInTimeRecoveryEnabled=True),
        SSESpecification=dynamodb.SSESpecification(SSEEnabled=True),
    )


def stream_processor(t, function_id, function_name, description, table_id, code, vpc=None, failures_id=None):
    """Log group, role (inline statements only), function and stream trigger, as infra's
    Function + grants + trigger(on:) make them."""
    log_group = t.add_resource(logs.LogGroup(
        function_id + "LogGroup",
        LogGroupName="/aws/lambda/" + function_name,
        RetentionInDays=30,
    ))
    statements = [
        {"Sid": "WriteOwnLogs", "Effect": "Allow",
         "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": GetAtt(log_group, "Arn")},
        {"Sid": "QueryMessageGroupIndex", "Effect": "Allow", "Action": "dynamodb:Query",
         "Resource": Sub("${%s.Arn}/index/message-group-sk-index" % table_id)},
        {"Sid": "Write" + table_id, "Effect": "Allow",
         "Action": ["dynamodb:DeleteItem", "dynamodb:PutItem"],
         "Resource": GetAtt(table_id, "Arn")},
        {"Sid": "Read%sStream" % table_id, "Effect": "Allow",
         "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
         "Resource": GetAtt(table_id, "StreamArn")},
        {"Sid": "ListStreamsHasNoResourceLevelPermissions", "Effect": "Allow",
         "Action": "dynamodb:ListStreams", "Resource": "*"},
    ]
    if failures_id:
        statements.append({
            "Sid": "SendFailedRecordsTo" + failures_id, "Effect": "Allow",
            "Action": "sqs:SendMessage", "Resource": GetAtt(failures_id, "Arn")})
    role_properties = {}
    if vpc:
        role_properties["ManagedPolicyArns"] = [
            Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess")]
    role = t.add_resource(iam.Role(
        function_id + "Role",
        AssumeRolePolicyDocument=LAMBDA_TRUST,
        Policies=[iam.Policy(
            PolicyName=function_id + "RolePolicy",
            PolicyDocument={"Version": POLICY_VERSION, "Statement": statements},
        )],
        **role_properties,
    ))
    function_properties = {}
    if vpc:
        function_properties["VpcConfig"] = awslambda.VPCConfig(SubnetIds=vpc[0], SecurityGroupIds=vpc[1])
    function = t.add_resource(awslambda.Function(
        function_id,
        FunctionName=function_name,
        Description=description,
        Runtime="python3.13",
        Architectures=["x86_64"],
        Handler="index.lambda_handler",
        Code=code,
        Role=GetAtt(role, "Arn"),
        MemorySize=128,
        Timeout=30,
        Environment=awslambda.Environment(Variables={
            "TABLE_NAME": Ref(table_id),
            "INDEX_NAME": "message-group-sk-index",
        }),
        LoggingConfig=awslambda.LoggingConfig(LogGroup=Ref(log_group)),
        **function_properties,
    ))
    mapping_properties = {}
    if failures_id:
        mapping_properties["DestinationConfig"] = awslambda.DestinationConfig(
            OnFailure=awslambda.OnFailure(Destination=GetAtt(failures_id, "Arn")))
    t.add_resource(awslambda.EventSourceMapping(
        function_id + table_id + "Events",
        EventSourceArn=GetAtt(table_id, "StreamArn"),
        FunctionName=Ref(function),
        BatchSize=1,
        StartingPosition="LATEST",
        Enabled=True,
        MaximumRetryAttempts=5,
        FilterCriteria=awslambda.FilterCriteria(Filters=[awslambda.Filter(Pattern=MESSAGE_FILTER)]),
        FunctionResponseTypes=["ReportBatchItemFailures"],
        **mapping_properties,
    ))
    return function


def read(root, path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return f.read()


# (logical ID, description, datapoints to alarm, (dimension, of the function or the queue),
# evaluation periods, metric, namespace, statistic, threshold) of the stream trigger's alarms.
STREAM_ALARMS = [('MessagingStreamIteratorAgeAlarm', "MessagingStream is falling behind its stream: records wait longer than the threshold (ms) to be processed, and are lost at the trigger's maximum record age or when the stream drops them.", 5, ('FunctionName', 'fn'), 5, 'IteratorAge', 'AWS/Lambda', 'Maximum', 3600000), ('MessagingStreamErrorsAlarm', 'MessagingStream failed an invocation in the last five minutes: its batch is retried, and the records behind it wait.', 1, ('FunctionName', 'fn'), 5, 'Errors', 'AWS/Lambda', 'Sum', 0), ('MessagingStreamFailuresMessagesVisibleAlarm', 'Trigger MessagingStreamMessagesEvents gave up on records: they are in MessagingStreamFailures for a person to look at.', 1, ('QueueName', 'queue'), 1, 'ApproximateNumberOfMessagesVisible', 'AWS/SQS', 'Maximum', 0)]


def cruddur(root):
    """cruddur-messaging in prod."""
    t = Template(Description="Cruddur direct messages: the table and its stream, a gateway endpoint to DynamoDB, and the stream processor")
    t.set_version("2010-09-09")
    vpc_id = t.add_parameter(Parameter("VpcId", Type="AWS::EC2::VPC::Id", Description="The VPC the stream processor runs in"))
    subnets = t.add_parameter(Parameter("SubnetIds", Type="List<AWS::EC2::Subnet::Id>", Description="Subnets for the stream processor (two, in different AZs)"))
    groups = t.add_parameter(Parameter("SecurityGroupIds", Type="List<AWS::EC2::SecurityGroup::Id>", Description="Security groups for the stream processor"))
    routes = t.add_parameter(Parameter("RouteTableIds", Type="CommaDelimitedList", Description="Route tables that get the DynamoDB gateway endpoint"))
    topic = t.add_parameter(Parameter(
        "AlarmTopicArn", Type="String", Description="The SNS topic the stream processor's alarms notify (the ops topic)",
        AllowedPattern="arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}",
        ConstraintDescription="the ARN of an SNS topic: arn:aws:sns:<region>:<account>:<name>"))

    messages = t.add_resource(messages_table("Messages", "cruddur-messages"))
    t.add_resource(ec2.VPCEndpoint(
        "DynamoDBEndpoint",
        VpcEndpointType="Gateway",
        ServiceName=Sub("com.amazonaws.${AWS::Region}.dynamodb"),
        VpcId=Ref(vpc_id),
        RouteTableIds=Ref(routes),
        PolicyDocument={"Version": POLICY_VERSION, "Statement": [{
            "Sid": "MessagesOnly", "Effect": "Allow", "Principal": "*",
            "Action": ["dynamodb:" + a for a in (
                "BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "DeleteItem", "DescribeTable",
                "GetItem", "PutItem", "Query", "Scan", "UpdateItem")],
            "Resource": [GetAtt(messages, "Arn"), Sub("${Messages.Arn}/index/*")],
        }]},
    ))
    code = awslambda.Code(ZipFile=read(root, "templates/cruddur-messaging-stream/index.py"))
    # The queue is declared after the function, as in infra's template; references are by name.
    function = stream_processor(
        t, "MessagingStream", "cruddur-messaging-stream",
        "Keeps each message group's latest message up to date from the messages stream",
        "Messages", code, vpc=(Ref(subnets), Ref(groups)), failures_id="MessagingStreamFailures")
    t.add_resource(sqs.Queue("MessagingStreamFailures", MessageRetentionPeriod=1209600, SqsManagedSseEnabled=True))
    # The trigger's default alarms (infra's StreamAlarms), notifying the ops topic.
    for name, description, datapoints, (dimension, of), periods, metric, namespace, statistic, threshold in STREAM_ALARMS:
        value = Ref("MessagingStream") if of == "fn" else GetAtt("MessagingStreamFailures", "QueueName")
        t.add_resource(cloudwatch.Alarm(
            name, AlarmActions=[Ref(topic)], AlarmDescription=description, ComparisonOperator="GreaterThanThreshold",
            DatapointsToAlarm=datapoints, Dimensions=[cloudwatch.MetricDimension(Name=dimension, Value=value)],
            EvaluationPeriods=periods, MetricName=metric, Namespace=namespace, OKActions=[Ref(topic)], Period=60,
            Statistic=statistic, Threshold=threshold, TreatMissingData="notBreaching"))
    # Keep infra's resource order: the queue before the mapping.
    mapping_id = "MessagingStreamMessagesEvents"
    t.resources[mapping_id] = t.resources.pop(mapping_id)

    t.add_output(Output("TableName", Description="The messages table", Value=Ref(messages)))
    t.add_output(Output("TableArn", Description="The messages table's ARN", Value=GetAtt(messages, "Arn")))
    t.add_output(Output("StreamArn", Description="The table's stream of NEW_IMAGE records", Value=GetAtt(messages, "StreamArn")))
    t.add_output(Output("FunctionArn", Description="The stream processor", Value=GetAtt(function, "Arn")))
    return "cruddur-messaging", t


def copies(root, n, code_source):
    """synth-bench's stack: n copies of (table + GSI + stream, log group, role, function, trigger)."""
    t = Template(Description="synth-bench: %d cop%s of a table with a GSI and a stream, and its stream processor" % (n, "y" if n == 1 else "ies"))
    t.set_version("2010-09-09")
    source = read(root, "bench/synth/handler.py") if code_source == "inline" else None
    for i in range(1, n + 1):
        table_id = "Messages%d" % i
        t.add_resource(messages_table(table_id, "bench-messages-%d" % i))
        if source is not None:
            code = awslambda.Code(ZipFile=source)
        else:
            code = awslambda.Code(S3Bucket="synth-bench-artifacts", S3Key="processor-%d.zip" % i)
        stream_processor(t, "Processor%d" % i, "bench-processor-%d" % i,
                         "Processes the stream of bench-messages-%d" % i, table_id, code)
    return "synth-bench", t


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stack", choices=["cruddur", "copies"])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--code", choices=["inline", "s3"], default="inline")
    parser.add_argument("--root", default=".")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    name, template = cruddur(args.root) if args.stack == "cruddur" else copies(args.root, args.copies, args.code)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write(template.to_yaml())


if __name__ == "__main__":
    main()

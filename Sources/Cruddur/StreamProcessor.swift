import Infra

/// The VPC side of messaging: the gateway endpoint to DynamoDB, and the function that keeps
/// each message group's latest message up to date from the table's stream.
///
/// What the console notes did by hand, and what changed on the way:
/// - the role holds only what the code calls (Query on the index, PutItem and DeleteItem on
///   the table) instead of `lambda:InvokeFunction` on `*` or AmazonDynamoDBFullAccess;
/// - REMOVE records (and the function's own group-row rewrites) never invoke the function:
///   the mapping's filter passes only INSERTs of message rows;
/// - records it gives up on go to a queue instead of blocking the shard for a day;
/// - the trigger's alarms (falling behind, failing, records given up on) notify the ops
///   topic, which was made in the console and is given by ARN at deploy time.
struct StreamProcessor {
    let function: Function

    /// Declares the VPC parameters, the endpoint, the function and its trigger in `stack`.
    /// `messages` may live in another stack: the references then become imports.
    static func add(to stack: StackBuilder, messages: MessagesTable) -> StreamProcessor {
        let env = stack.environment
        let vpcID = stack.parameter("VpcId", .vpcID, description: "The VPC the stream processor runs in")
        let subnetIDs = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets for the stream processor (two, in different AZs)")
        let securityGroupIDs = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups for the stream processor")
        let routeTableIDs = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Route tables that get the DynamoDB gateway endpoint")
        let alarmTopicARN = stack.parameter("AlarmTopicArn", .string, ParameterOptions(
            description: "The SNS topic the stream processor's alarms notify (the ops topic)",
            allowedPattern: "arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}",
            constraintDescription: "the ARN of an SNS topic: arn:aws:sns:<region>:<account>:<name>"
        ))

        // The app's code in the VPC reads and writes only this table through the endpoint.
        stack.add(GatewayEndpoint(
            "DynamoDBEndpoint",
            service: .dynamoDB,
            vpcID: vpcID,
            routeTableIDs: routeTableIDs,
            policy: .tables([messages.table])
        ))

        let function = stack.add(Function(
            "MessagingStream",
            functionName: Value("cruddur-messaging-stream" + env.nameSuffix),
            description: "Keeps each message group's latest message up to date from the messages stream",
            runtime: .python3_13,
            architecture: .x86_64,
            handler: "index.lambda_handler",
            code: .inline(file: "templates/cruddur-messaging-stream/index.py"),
            environment: ["TABLE_NAME": messages.table.name, "INDEX_NAME": Value(messages.byGroup.name)],
            vpc: VPCConfig(subnetIDs: subnetIDs, securityGroupIDs: securityGroupIDs)
        ))
        messages.byGroup.grant(function, .query, sid: "QueryMessageGroupIndex")
        messages.table.grant(function, .putItem, .deleteItem)

        let failed = stack.add(Queue("MessagingStreamFailures"))
        stack.add(function.trigger(
            on: messages.table.stream,
            batchSize: 1,
            startingPosition: .latest,
            filters: [StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))],
            reportBatchItemFailures: true,
            maximumRetryAttempts: 5,
            onFailure: .queue(failed),
            alarms: .notify(alarmTopicARN)
        ))
        return StreamProcessor(function: function)
    }
}

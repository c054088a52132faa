import Infra

/// Direct messages: the table and its stream, a private path to DynamoDB from the VPC, and
/// the function that keeps each message group's latest message up to date.
///
/// What the console notes did by hand, and what changed on the way:
/// - the table's attribute definitions come from its keys, so the GSI's key can't be missing;
/// - the role holds only what the code calls (Query on the index, PutItem and DeleteItem on
///   the table) instead of `lambda:InvokeFunction` on `*` or AmazonDynamoDBFullAccess;
/// - REMOVE records (and the function's own group-row rewrites) never invoke the function:
///   the mapping's filter passes only INSERTs of message rows.
let messagingStack = Stack(
    "cruddur-messaging",
    description: "Cruddur direct messages: the table and its stream, a gateway endpoint to DynamoDB, and the stream processor",
    flavors: [.cloudFormation]
) { stack in
    let env = stack.environment
    let vpcID = stack.parameter("VpcId", .vpcID, description: "The VPC the stream processor runs in")
    let subnetIDs = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets for the stream processor (two, in different AZs)")
    let securityGroupIDs = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups for the stream processor")
    let routeTableIDs = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Route tables that get the DynamoDB gateway endpoint")

    let read = env.integer("ReadCapacity", default: 5)
    let write = env.integer("WriteCapacity", default: 5)
    let messages = stack.add(Table(
        "Messages",
        tableName: Value("cruddur-messages" + env.nameSuffix),
        partitionKey: .string("pk"),
        sortKey: .string("sk"),
        billing: .provisioned(read: read, write: write),
        stream: .newImage
    ))
    let byGroup = messages.globalIndex(
        "message-group-sk-index",
        partitionKey: .string("message_group_uuid"),
        sortKey: .string("sk"),
        projection: .all,
        throughput: Throughput(read: read, write: write)
    )

    // The app's code in the VPC reads and writes only this table through the endpoint.
    stack.add(GatewayEndpoint(
        "DynamoDBEndpoint",
        service: .dynamoDB,
        vpcID: vpcID,
        routeTableIDs: routeTableIDs,
        policy: .tables([messages])
    ))

    let processor = stack.add(Function(
        "MessagingStream",
        functionName: Value("cruddur-messaging-stream" + env.nameSuffix),
        description: "Keeps each message group's latest message up to date from the messages stream",
        runtime: .python3_13,
        architecture: .x86_64,
        handler: "index.lambda_handler",
        code: .inline(file: "templates/cruddur-messaging-stream/index.py"),
        environment: ["TABLE_NAME": messages.name, "INDEX_NAME": Value(byGroup.name)],
        vpc: VPCConfig(subnetIDs: subnetIDs, securityGroupIDs: securityGroupIDs)
    ))
    byGroup.grant(processor, .query, sid: "QueryMessageGroupIndex")
    messages.grant(processor, .putItem, .deleteItem)

    // Records the function gives up on are kept for two weeks instead of blocking the shard.
    let failed = stack.add(Queue("MessagingStreamFailures"))
    stack.add(processor.trigger(
        on: messages.stream,
        batchSize: 1,
        startingPosition: .latest,
        filters: [StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))],
        reportBatchItemFailures: true,
        maximumRetryAttempts: 5,
        onFailure: .queue(failed)
    ))

    stack.output("TableName", messages.name, description: "The messages table")
    stack.output("TableArn", messages.arn, description: "The messages table's ARN")
    stack.output("StreamArn", messages.streamArn, description: "The table's stream of NEW_IMAGE records")
    stack.output("FunctionArn", processor.arn, description: "The stream processor")
}

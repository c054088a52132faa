import AWSKinesis
import AWSResources
import CloudFormation

/// The stacks behind the golden fixtures: one per resource and per grant, and the Cruddur
/// messaging stack that uses them all. Fixture files embed code from Fixtures/templates/.
enum FixtureStacks {
    static let all: [Stack] = [
        tableMinimal, tableFull, tableLocalIndex,
        gatewayEndpointFullAccess, gatewayEndpointTables,
        role, logGroup, queue, topic,
        functionInline, functionS3InVPC,
        eventSourceMapping, eventSourceMappingTopic, eventSourceMappingKinesis, eventSourceMappingQueue,
        grantReadData, grantWriteData, grantReadWriteData, grantActions, grantIndex, grantStreamRead,
        cruddurMessaging, AlarmFixtures.alarm,
    ]

    static let tableMinimal = Stack("table-minimal") { stack in
        stack.add(Table("Sessions", partitionKey: .string("id")))
    }

    static let tableFull = Stack("table-full") { stack in
        let table = stack.add(Table(
            "Orders",
            tableName: "orders",
            partitionKey: .string("pk"),
            sortKey: .number("created"),
            billing: .provisioned(read: 10, write: 5),
            stream: .newAndOldImages,
            timeToLiveAttribute: "expires_at",
            pointInTimeRecovery: false,
            encryption: .awsOwnedKey,
            deletionProtection: true,
            tableClass: .standardInfrequentAccess,
            tags: ["team": "orders", "cost-centre": "42"]
        ))
        table.globalIndex("by-customer", partitionKey: .string("customer"), sortKey: .number("created"), projection: .include(["total", "status"]), throughput: Throughput(read: 2, write: 1))
        table.globalIndex("by-status", partitionKey: .string("status"), projection: .keysOnly, throughput: Throughput(read: 1, write: 1))
        table.deletionPolicy = .retainExceptOnCreate
    }

    static let tableLocalIndex = Stack("table-local-index") { stack in
        let table = stack.add(Table("Events", partitionKey: .string("pk"), sortKey: .string("sk")))
        table.localIndex("by-time", sortKey: .number("at"), projection: .keysOnly)
        table.globalIndex("by-kind", partitionKey: .string("kind"), sortKey: .number("at"))
    }

    static let gatewayEndpointFullAccess = Stack("gateway-endpoint-full-access") { stack in
        let vpc = stack.parameter("VpcId", .vpcID, description: "The VPC.")
        let routeTables = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Its route tables.")
        stack.add(GatewayEndpoint("S3Endpoint", service: .s3, vpcID: vpc, routeTableIDs: routeTables))
    }

    static let gatewayEndpointTables = Stack("gateway-endpoint-tables") { stack in
        let vpc = stack.parameter("VpcId", .vpcID, description: "The VPC.")
        let routeTables = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Its route tables.")
        let messages = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .string("sk")))
        messages.globalIndex("by-group", partitionKey: .string("group"))
        let users = stack.add(Table("Users", partitionKey: .string("id")))
        stack.add(GatewayEndpoint("DynamoDBEndpoint", service: .dynamoDB, vpcID: vpc, routeTableIDs: routeTables, policy: .tables([messages, users])))
    }

    static let role = Stack("role") { stack in
        let role = stack.add(Role(
            "Worker",
            assumedBy: .lambda,
            description: "Runs the worker.",
            managedPolicies: [.awsManaged("AWSXrayWriteOnlyAccess")],
            inlinePolicies: [InlinePolicy(name: "invoke-peer", document: PolicyDocument([
                PolicyStatement(sid: "InvokePeer", actions: [LambdaAction.invokeFunction], resources: ["arn:\(AWS.partition):lambda:\(AWS.region):\(AWS.accountID):function:peer"]),
            ]))],
            tags: ["team": "platform"]
        ))
        role.addToPolicy(PolicyStatement(
            sid: "SendOwnAccount",
            actions: [SQSAction.sendMessage],
            resources: ["arn:\(AWS.partition):sqs:\(AWS.region):\(AWS.accountID):jobs"],
            conditions: [PolicyCondition(.stringEquals, "aws:ResourceAccount", AWS.accountID)]
        ))
    }

    static let logGroup = Stack("log-group") { stack in
        stack.add(LogGroup("AuditLogs", logGroupName: "/app/audit", retention: .oneYear, tags: ["data": "audit"]))
    }

    static let queue = Stack("queue") { stack in
        stack.add(Queue("Failures", queueName: "stream-failures", visibilityTimeout: 60))
    }

    static let topic = Stack("topic") { stack in
        stack.add(Topic("Alerts", topicName: "alerts", displayName: "Alerts"))
    }

    static let functionInline = Stack("function-inline") { stack in
        let table = stack.add(Table("Messages", partitionKey: .string("pk")))
        stack.add(Function(
            "Handler",
            functionName: "stream-handler",
            description: "Handles the messages stream.",
            runtime: .python3_13,
            handler: "index.lambda_handler",
            code: .inline(file: "templates/stream-handler/index.py"),
            environment: ["TABLE_NAME": table.name, "LOG_LEVEL": "INFO"],
            tags: ["team": "messaging"]
        ))
    }

    static let functionS3InVPC = Stack("function-s3-vpc") { stack in
        let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Private subnets.")
        let securityGroups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups.")
        let role = stack.add(Role("WorkerRole", assumedBy: .lambda))
        stack.add(Function(
            "Worker",
            runtime: .nodejs24,
            architecture: .arm64,
            handler: "dist/worker.handler",
            code: .s3(bucket: "artifacts-bucket", key: "worker/1.4.2.zip", objectVersion: "3HL4kqtJlcpXroDTDmJ"),
            memorySize: 512,
            timeout: 120,
            reservedConcurrency: 5,
            vpc: VPCConfig(subnetIDs: subnets, securityGroupIDs: securityGroups),
            role: .existing(role),
            logRetention: .twoWeeks
        ))
    }

    static let eventSourceMapping = Stack("event-source-mapping") { stack in
        let table = stack.add(Table("Orders", partitionKey: .string("pk"), sortKey: .number("version"), stream: .newAndOldImages))
        let failures = stack.add(Queue("OrderFailures"))
        let ops = stack.add(Topic("OpsAlerts"))
        let function = stack.add(Function("Projector", runtime: .python3_13, handler: "index.lambda_handler", code: .inline(file: "templates/stream-handler/index.py")))
        stack.add(function.trigger(
            on: table.stream,
            batchSize: 100,
            startingPosition: .trimHorizon,
            maximumBatchingWindowInSeconds: 5,
            filters: [
                StreamFilter(.eventName(.insert, .modify), .key("pk", .prefix("ORDER#")), .newImage("status", .string, .anythingBut(["draft"]))),
                StreamFilter(.eventName(.remove), .oldImage("archived", .string, .doesNotExist)),
            ],
            reportBatchItemFailures: true,
            bisectBatchOnFunctionError: true,
            maximumRetryAttempts: 3,
            maximumRecordAgeInSeconds: 3600,
            parallelizationFactor: 2,
            tumblingWindowInSeconds: 60,
            onFailure: .queue(failures),
            alarms: .notify(ops)
        ))
    }

    static let eventSourceMappingTopic = Stack("event-source-mapping-topic") { stack in
        let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
        let alerts = stack.add(Topic("OrderAlerts"))
        let function = stack.add(Function("Notifier", runtime: .java25, handler: "com.example.Notifier::handleRequest", code: .s3(bucket: "artifacts-bucket", key: "notifier.jar")))
        stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .topic(alerts), alarms: .none, logicalID: "NotifierOrdersStream"))
    }

    /// A Kinesis stream read by three functions: failed batches go to a queue, a topic and a
    /// bucket.
    static let eventSourceMappingKinesis = Stack("event-source-mapping-kinesis") { stack in
        let clicks = stack.add(CfnStream("Clicks", retentionPeriodHours: 24, shardCount: 1, streamEncryption: .init(encryptionType: .kms, keyId: "alias/aws/kinesis")))
        let failures = stack.add(Queue("ClickFailures"))
        let alerts = stack.add(Topic("ClickAlerts"))
        let counter = stack.add(Function("ClickCounter", runtime: .python3_13, handler: "index.lambda_handler", code: .inline(file: "templates/stream-handler/index.py")))
        stack.add(counter.trigger(
            on: clicks,
            batchSize: 500,
            startingPosition: .trimHorizon,
            maximumBatchingWindowInSeconds: 10,
            filters: [RecordFilter(.field("type", .equals("click"))), RecordFilter(.field("page", "section", matching: .prefix("shop/")))],
            reportBatchItemFailures: true,
            bisectBatchOnFunctionError: true,
            maximumRetryAttempts: 2,
            maximumRecordAgeInSeconds: 3600,
            parallelizationFactor: 4,
            onFailure: .queue(failures),
            alarms: .notify(alerts)
        ))
        let auditor = stack.add(Function("ClickAuditor", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts-bucket", key: "auditor.zip")))
        stack.add(auditor.trigger(on: clicks, startingPosition: .latest, onFailure: .topic(alerts), alarms: .none))
        let archive = stack.add(Bucket("ClickArchive"))
        let archiver = stack.add(Function("ClickArchiver", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts-bucket", key: "archiver.zip")))
        stack.add(archiver.trigger(on: clicks, startingPosition: .latest, onFailure: .bucket(archive), alarms: .none))
    }

    /// An SQS queue as a function's source: batches with a window, filters on the body, at most
    /// five invocations at once; failed messages go to the queue's own redrive queue.
    static let eventSourceMappingQueue = Stack("event-source-mapping-queue") { stack in
        let jobs = stack.add(Queue("Jobs", visibilityTimeout: 180))
        let worker = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts-bucket", key: "worker.zip")))
        stack.add(worker.trigger(
            on: jobs,
            batchSize: 50,
            maximumBatchingWindowInSeconds: 5,
            filters: [RecordFilter(.field("kind", .equals("resize"), .equals("crop")))],
            reportBatchItemFailures: true,
            maximumConcurrency: 5
        ))
    }

    static let grantReadData = grantStack("grant-read-data") { $0.grantReadData($1) }
    static let grantWriteData = grantStack("grant-write-data") { $0.grantWriteData($1) }
    static let grantReadWriteData = grantStack("grant-read-write-data") { $0.grantReadWriteData($1) }
    static let grantActions = grantStack("grant-actions") { $0.grant($1, .putItem, .deleteItem) }

    static let grantIndex = Stack("grant-index") { stack in
        let table = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .string("sk")))
        let byGroup = table.globalIndex("message-group-sk-index", partitionKey: .string("message_group_uuid"), sortKey: .string("sk"))
        let role = stack.add(Role("Reader", assumedBy: .lambda))
        byGroup.grant(role, .query)
    }

    static let grantStreamRead = Stack("grant-stream-read") { stack in
        let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
        let role = stack.add(Role("StreamReader", assumedBy: .lambda))
        table.grantStreamRead(role)
    }

    /// A table with a global index and a role that receives one grant.
    private static func grantStack(_ name: String, _ grant: @escaping @Sendable (Table<NoStream>, Role) -> Void) -> Stack {
        Stack(name) { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.globalIndex("by-group", partitionKey: .string("group"), sortKey: .string("sk"))
            let role = stack.add(Role("App", assumedBy: .lambda))
            grant(table, role)
        }
    }

    /// Cruddur's messaging stack, as the acceptance fixture describes it.
    static let cruddurMessaging = Stack("cruddur-messaging", description: "Cruddur messaging stream - DynamoDB table, its stream consumer Lambda and a gateway endpoint.") { stack in
        let vpcID = stack.parameter("VpcId", .vpcID, description: "VPC the function and the DynamoDB gateway endpoint live in.")
        let subnetIDs = stack.parameter("SubnetIds", .subnetIDs, description: "Private subnets for the function.")
        let securityGroupIDs = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups for the function.")
        let routeTableIDs = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Route tables that get the DynamoDB gateway endpoint route.")
        let alarmTopicARN = stack.parameter("AlarmTopicArn", .string, description: "The SNS topic the stream processor's alarms notify.")

        let messages = stack.add(Table(
            "Messages",
            tableName: "cruddur-messages",
            partitionKey: .string("pk"),
            sortKey: .string("sk"),
            billing: .provisioned(read: 5, write: 5),
            stream: .newImage
        ))
        let byGroup = messages.globalIndex(
            "message-group-sk-index",
            partitionKey: .string("message_group_uuid"),
            sortKey: .string("sk"),
            throughput: Throughput(read: 5, write: 5)
        )

        stack.add(GatewayEndpoint(
            "DynamoDBEndpoint",
            service: .dynamoDB,
            vpcID: vpcID,
            routeTableIDs: routeTableIDs,
            policy: .tables([messages], actions: [.query, .putItem, .deleteItem], sid: "CruddurMessagesOnly")
        ))

        let function = stack.add(Function(
            "MessagingStream",
            functionName: "cruddur-messaging-stream",
            runtime: .python3_14,
            handler: "index.lambda_handler",
            code: .inline(file: "templates/stream-handler/index.py"),
            environment: ["TABLE_NAME": messages.name, "INDEX_NAME": Value(byGroup.name)],
            vpc: VPCConfig(subnetIDs: subnetIDs, securityGroupIDs: securityGroupIDs)
        ))
        function.role?.defaultPolicyName = "messaging-stream"

        stack.add(function.trigger(
            on: messages.stream,
            batchSize: 1,
            startingPosition: .latest,
            filters: [StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))],
            reportBatchItemFailures: true,
            alarms: .notify(alarmTopicARN)
        ))
        byGroup.grant(function, .query, sid: "QueryMessageGroupIndex")
        messages.grant(function, .putItem, .deleteItem)

        stack.output("TableName", messages.name)
        stack.output("TableArn", messages.arn)
        stack.output("StreamArn", messages.streamArn)
        stack.output("FunctionArn", function.arn)
    }
}

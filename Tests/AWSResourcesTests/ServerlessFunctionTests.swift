import AWSResources
import CloudFormation
import Testing

@Suite struct ServerlessFunctionTests {
    static let s3Code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    /// A table with a stream, a queue, and a function granted reads and triggered on the
    /// stream with every mapping option, its alarms notifying a topic given as a parameter.
    static func everyOption(_ flavor: Flavor) -> Synthesized {
        synthesize(flavor) { stack in
            let alarmTopic = stack.parameter("AlarmTopicArn", .string, description: "Where alarms go.")
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), sortKey: .number("version"), stream: .newAndOldImages))
            let failures = stack.add(Queue("Failures"))
            let function = stack.add(Function("Projector", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            table.grant(function, .getItem)
            stack.add(function.trigger(
                on: table.stream, batchSize: 100, startingPosition: .trimHorizon, maximumBatchingWindowInSeconds: 5,
                filters: [StreamFilter(.eventName(.insert, .modify), .key("pk", .prefix("ORDER#")))],
                reportBatchItemFailures: true, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3,
                maximumRecordAgeInSeconds: 3600, parallelizationFactor: 2, tumblingWindowInSeconds: 60,
                onFailure: .queue(failures), enabled: false, alarms: .notify(alarmTopic)
            ))
        }
    }

    // MARK: Events from mappings

    @Test func theEventCarriesEveryMappingSetting() {
        let result = Self.everyOption(.sam)
        #expect(result.events(of: "Projector") == [
            "OrdersEvents": [
                "Type": "DynamoDB",
                "Properties": [
                    "Stream": .getAtt("Orders", "StreamArn"),
                    "BatchSize": 100,
                    "StartingPosition": "TRIM_HORIZON",
                    "Enabled": false,
                    "MaximumBatchingWindowInSeconds": 5,
                    "ParallelizationFactor": 2,
                    "BisectBatchOnFunctionError": true,
                    "MaximumRetryAttempts": 3,
                    "MaximumRecordAgeInSeconds": 3600,
                    "TumblingWindowInSeconds": 60,
                    "DestinationConfig": ["OnFailure": ["Destination": .getAtt("Failures", "Arn"), "Type": "SQS"]],
                    "FilterCriteria": ["Filters": [["Pattern": #"{"eventName":["INSERT","MODIFY"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"ORDER#"}]}}}}"#]]],
                    "FunctionResponseTypes": ["ReportBatchItemFailures"],
                ],
            ],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func theEventHasTheSettingsOfTheCloudFormationMapping() throws {
        let mapping = Self.everyOption(.cloudFormation).properties("ProjectorOrdersEvents")
        let event = try #require(Self.everyOption(.sam).events(of: "Projector")["OrdersEvents"]?.fields?["Properties"]?.fields)
        // SAM's Stream is the mapping's EventSourceArn; FunctionName is the event's function;
        // Type is SAM's alone (it strips it and grants delivery to the destination).
        var expected = Fields([("Stream", try #require(mapping["EventSourceArn"]))])
        for (key, value) in mapping.entries where key != "EventSourceArn" && key != "FunctionName" { expected[key] = value }
        var typeless = event
        typeless["DestinationConfig"] = ["OnFailure": ["Destination": .getAtt("Failures", "Arn")]]
        #expect(typeless == expected)
    }

    @Test func aTopicDestinationIsTypedSNS() {
        let result = synthesize(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let alerts = stack.add(Topic("Alerts"))
            let function = stack.add(Function("Notifier", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .topic(alerts)))
        }
        let properties = result.events(of: "Notifier")["OrdersEvents"]?.fields?["Properties"]?.fields
        #expect(properties?["DestinationConfig"] == ["OnFailure": ["Destination": .ref("Alerts"), "Type": "SNS"]])
        // SAM grants sns:publish on the topic itself, so the statement is left out with the rest.
        #expect(result.properties("Notifier")["Policies"] == nil)
    }

    @Test func theEventNameIsTheMappingIDWithoutTheFunctions() {
        let result = synthesize(.sam) { stack in
            let orders = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let users = stack.add(Table("Users", partitionKey: .string("id"), stream: .keysOnly))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: orders.stream, startingPosition: .latest))
            stack.add(function.trigger(on: users.stream, startingPosition: .latest, logicalID: "UserChanges"))
        }
        // SAM names each mapping <Function><Event>: ConsumerOrdersEvents as before, ConsumerUserChanges.
        #expect(result.events(of: "Consumer").keys == ["OrdersEvents", "UserChanges"])
        #expect(result.errors.isEmpty)
    }

    @Test func twoMappingsWithTheSameEventNameAreAnError() {
        let result = synthesize(.sam) { stack in
            let orders = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let users = stack.add(Table("Users", partitionKey: .string("id"), stream: .keysOnly))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: orders.stream, startingPosition: .latest, alarms: .none, logicalID: "ConsumerChanges"))
            stack.add(function.trigger(on: users.stream, startingPosition: .latest, alarms: .none, logicalID: "Changes"))
        }
        #expect(result.messages == ["error Changes -: SAM flavor: the event name 'Changes' is taken by another mapping of Consumer; give the mapping a logical ID that starts with 'Consumer'"])
    }

    @Test func mappingProblemsAreReportedOnceInSAMFlavor() {
        let result = validate(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: table.stream, batchSize: 0, startingPosition: .latest, alarms: .none))
        }
        #expect(result.messages == ["error Consumer Properties.Events.OrdersEvents.Properties.BatchSize: 0 is below the minimum 1"])
    }

    // MARK: Policies from grants

    @Test func policiesHoldTheGrantsTheGeneratedRoleLacks() {
        let result = synthesize(.sam) { stack in
            let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets.")
            let groups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Groups.")
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
            let failures = stack.add(Queue("Failures"))
            let function = stack.add(Function(
                "Projector", runtime: .python3_13, handler: "app.handler", code: Self.s3Code,
                vpc: VPCConfig(subnetIDs: subnets, securityGroupIDs: groups)
            ))
            table.grant(function, .putItem)
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .queue(failures), alarms: .none))
        }
        // Left out, because the role SAM generates allows them anyway: WriteOwnLogs
        // (AWSLambdaBasicExecutionRole), the stream reads (AWSLambdaDynamoDBExecutionRole),
        // the queue (SAM's own SQS policy for Type: SQS) and AWSLambdaENIManagementAccess
        // (inside AWSLambdaVPCAccessExecutionRole).
        #expect(result.properties("Projector")["Policies"] == [[
            "Version": "2012-10-17",
            "Statement": [["Sid": "PutItemOrders", "Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": .getAtt("Orders", "Arn")]],
        ]])
        #expect(result.properties("Projector")["Role"] == nil)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func statementsSAMDoesNotGrantStay() {
        let result = synthesize(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
            let function = stack.add(Function("Reader", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            // No event: SAM attaches no stream policy, so the explicit stream grant stays.
            table.grantStreamRead(function)
        }
        #expect(result.policyDocuments(of: "Reader") == [[
            ["Sid": "ReadOrdersStream", "Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], "Resource": .getAtt("Orders", "StreamArn")],
            ["Sid": "ListStreamsHasNoResourceLevelPermissions", "Effect": "Allow", "Action": "dynamodb:ListStreams", "Resource": "*"],
        ]])
    }

    @Test func managedAndExplicitInlinePoliciesStayWithRolePathAndBoundary() throws {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            guard let role = function.role else { return }
            role.addManagedPolicy(.awsManaged("AWSXrayWriteOnlyAccess"))
            role.addManagedPolicy(.awsManaged("service-role/AWSLambdaBasicExecutionRole"))
            role.addInlinePolicy(InlinePolicy(name: "peer", document: PolicyDocument([
                PolicyStatement(sid: "InvokePeer", actions: [LambdaAction.invokeFunction], resources: ["arn:aws:lambda:ca-central-1:111122223333:function:peer"]),
            ])))
            role.path = "/app/"
            role.permissionsBoundary = .awsManaged("PowerUserAccess")
        }
        let properties = result.properties("App")
        #expect(properties["RolePath"] == "/app/")
        #expect(properties["PermissionsBoundary"] == ManagedPolicy.awsManaged("PowerUserAccess").arn.raw)
        // AWSLambdaBasicExecutionRole is SAM's own, so it is not attached twice.
        #expect(properties["Policies"] == [
            ManagedPolicy.awsManaged("AWSXrayWriteOnlyAccess").arn.raw,
            ["Version": "2012-10-17", "Statement": [["Sid": "InvokePeer", "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:ca-central-1:111122223333:function:peer"]]],
        ])
        #expect(properties["AssumeRolePolicyDocument"] == nil)
    }

    @Test func aTrustPolicyOtherThanLambdasIsKept() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.role?.trustPolicy = .trust(.service("lambda.amazonaws.com", "edgelambda.amazonaws.com"))
        }
        #expect(result.properties("App")["AssumeRolePolicyDocument"] == PolicyDocument.trust(.service("lambda.amazonaws.com", "edgelambda.amazonaws.com")).rendered)
    }

    @Test func aFunctionWithOnlyItsOwnLogsHasNoPolicies() {
        let result = synthesize(.sam) { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        #expect(result.properties("App").keys == ["Runtime", "Architectures", "Handler", "CodeUri", "MemorySize", "Timeout", "LoggingConfig"])
    }

    // MARK: Code

    @Test func inlineCodeIsInlineCode() throws {
        let root = try temporaryProject(files: ["src/app.py": "def handler(event, context):\n    return 1\n"])
        let result = synthesize(.sam, root: root) { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "index.handler", code: .inline(file: "src/app.py")))
        }
        #expect(result.properties("App")["InlineCode"] == "def handler(event, context):\n    return 1\n")
        #expect(result.properties("App")["Code"] == nil)
    }

    @Test func s3CodeIsCodeUri() {
        let result = synthesize(.sam) { stack in
            stack.add(Function("A", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "a.zip", objectVersion: "v3")))
            stack.add(Function("B", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "b.zip")))
        }
        #expect(result.properties("A")["CodeUri"] == ["Bucket": "artifacts", "Key": "a.zip", "Version": "v3"])
        #expect(result.properties("B")["CodeUri"] == ["Bucket": "artifacts", "Key": "b.zip"])
        #expect(result.properties("A")["Code"] == nil)
    }

    @Test func codeNeitherInlineNorS3IsAnError() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.addPropertyOverride("Code", ["ImageUri": "111122223333.dkr.ecr.ca-central-1.amazonaws.com/app:1"])
        }
        #expect(result.messages == ["error App Properties.Code: SAM flavor: the code is neither a ZipFile nor an S3 package, so neither InlineCode nor CodeUri can express it"])
    }

    // MARK: What folds away, per flavor

    @Test func theRoleAndTheMappingFoldIntoTheFunctionInSAMFlavor() {
        let result = Self.everyOption(.sam)
        // The trigger's alarms are CloudFormation in both flavors (SAM has no alarm type).
        #expect(result.template.resources.map(\.logicalID) == [
            "Orders", "Failures", "ProjectorLogGroup", "Projector",
            "ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm", "FailuresMessagesVisibleAlarm",
        ])
        #expect(result.template.resource("Projector")?.type == "AWS::Serverless::Function")
        #expect(result.template.transforms == ["AWS::Serverless-2016-10-31"])
        #expect(Validator.validate(result.template, stack: "test").isEmpty)
    }

    @Test func theRoleAndTheMappingStayInCloudFormationFlavor() {
        let result = Self.everyOption(.cloudFormation)
        #expect(result.template.resources.map(\.logicalID) == [
            "Orders", "Failures", "ProjectorLogGroup", "ProjectorRole", "Projector",
            "ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm", "FailuresMessagesVisibleAlarm", "ProjectorOrdersEvents",
        ])
        #expect(result.template.resources.map(\.type) == [
            "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::Lambda::Function",
            "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Alarm", "AWS::Lambda::EventSourceMapping",
        ])
        #expect(result.template.transforms.isEmpty)
    }

    @Test func anExistingRoleStaysAndIsReferenced() {
        let result = synthesize(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let role = stack.add(Role("Shared", assumedBy: .lambda))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, role: .existing(role)))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, alarms: .none))
        }
        #expect(result.template.resources.map(\.logicalID) == ["Orders", "Shared", "ConsumerLogGroup", "Consumer"])
        let consumer = result.properties("Consumer")
        #expect(consumer["Role"] == .getAtt("Shared", "Arn"))
        #expect(consumer["Policies"] == nil)
        #expect(consumer["Events"] != nil)
        // SAM adds nothing to a role it does not generate: the role keeps the stream reads.
        let sids = result.properties("Shared")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["WriteOwnLogs", "ReadOrdersStream", "ListStreamsHasNoResourceLevelPermissions"])
    }

    @Test func aCreatedRoleSAMCannotGenerateStaysBesideTheFunction() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.role?.roleName = "app-runner"
        }
        #expect(result.template.resources.map(\.logicalID) == ["AppLogGroup", "AppRole", "App"])
        #expect(result.template.resource("AppRole")?.type == "AWS::IAM::Role")
        #expect(result.properties("AppRole")["RoleName"] == "app-runner")
        #expect(result.properties("App")["Role"] == .getAtt("AppRole", "Arn"))
        #expect(result.properties("App")["Policies"] == nil)
    }

    @Test func aMappingWithResourceAttributesStaysAMapping() {
        let result = synthesize(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let marker = stack.add(Queue("Marker"))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            let mapping = stack.add(function.trigger(on: table.stream, startingPosition: .latest))
            mapping.addDependency(on: marker)
        }
        #expect(result.template.resource("ConsumerOrdersEvents")?.type == "AWS::Lambda::EventSourceMapping")
        #expect(result.template.resource("ConsumerOrdersEvents")?.dependsOn == ["Marker"])
        #expect(result.properties("Consumer")["Events"] == nil)
        // Without a DynamoDB event SAM attaches no stream policy: the reads stay in Policies.
        let sids = result.policyDocuments(of: "Consumer").first?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["ReadOrdersStream", "ListStreamsHasNoResourceLevelPermissions"])
    }

    // MARK: Other properties

    @Test func tagsBecomeAMap() {
        let result = synthesize(.sam) { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, tags: ["team": "messaging", "cost-centre": "42"]))
        }
        #expect(result.properties("App")["Tags"] == ["team": "messaging", "cost-centre": "42"])
    }

    @Test func overridesApplyInSAMFlavorToo() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.addPropertyOverride("MemorySize", 256)
            function.addPropertyOverride("Code.S3Key", "app-2.zip")
        }
        #expect(result.properties("App")["MemorySize"] == 256)
        #expect(result.properties("App")["CodeUri"] == ["Bucket": "artifacts", "Key": "app-2.zip"])
    }

    @Test func aPropertyInfraDoesNotModelReachesTheSAMFunctionThroughTheDecodedL1() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.addPropertyOverride("TracingConfig", ["Mode": "Active"])
        }
        #expect(result.properties("App")["TracingConfig"] == ["Mode": "Active"])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aRoleOverrideSAMCannotExpressKeepsTheRole() {
        let result = synthesize(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.role?.addPropertyOverride("MaxSessionDuration", 7200)
        }
        #expect(result.template.resource("AppRole")?.type == "AWS::IAM::Role")
        #expect(result.properties("AppRole")["MaxSessionDuration"] == 7200)
        #expect(result.properties("App")["Role"] == .getAtt("AppRole", "Arn"))
    }

    @Test func aDestinationChangedByAnOverrideHasNoSAMType() {
        let result = synthesize(.sam) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .keysOnly))
            let failures = stack.add(Queue("Failures"))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            let mapping = stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .queue(failures)))
            mapping.addPropertyOverride("DestinationConfig.OnFailure.Destination", "arn:aws:sqs:ca-central-1:111122223333:elsewhere")
        }
        let event = result.events(of: "Consumer")["OrdersEvents"]?.fields?["Properties"]?.fields
        #expect(event?["DestinationConfig"] == ["OnFailure": ["Destination": "arn:aws:sqs:ca-central-1:111122223333:elsewhere"]])
        // SAM grants nothing for an untyped destination, so the role's own send stays in Policies.
        let sids = result.policyDocuments(of: "Consumer").first?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["SendFailedRecordsToFailures"])
    }
}

import CloudFormation
import Testing

/// Every kind of finding the catalog rule reports, on RawResource and on overrides.
@Suite("Resources are checked against the catalog's schemas")
struct CatalogValidationTests {
    private func errors(_ build: @escaping @Sendable (StackBuilder) -> Void) -> [String] {
        synthesize(Stack("app", build)).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    private static func queue(_ id: String = "Queue", _ properties: Fields = Fields()) -> RawResource {
        RawResource(id, type: "AWS::SQS::Queue", properties: properties)
    }

    @Test func aMisspeltOverrideIsAnUnknownPropertyWithASuggestion() {
        let found = errors { stack in
            let mapping = stack.add(RawResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: ["FunctionName": "f", "BatchSize": 5]))
            mapping.addPropertyOverride("BatchSzie", 5)
        }
        #expect(found == ["error: app: Mapping: Properties.BatchSzie: BatchSzie is not a property of AWS::Lambda::EventSourceMapping; did you mean BatchSize?"])
    }

    @Test func snapshotOnlyWhereTheTypeTakesOne() {
        let found = errors { stack in
            let queue = stack.add(Self.queue())
            queue.deletionPolicy = .snapshot
            queue.updateReplacePolicy = .snapshot
            let database = stack.add(RawResource("Database", type: "AWS::RDS::DBInstance", properties: ["DBInstanceClass": "db.t3.micro", "Engine": "postgres", "AllocatedStorage": "20", "MasterUsername": "app", "ManageMasterUserPassword": true]))
            database.deletionPolicy = .snapshot
            database.updateReplacePolicy = .snapshot
        }
        #expect(found == [
            "error: app: Queue: DeletionPolicy: CloudFormation takes no snapshot of AWS::SQS::Queue resources, so DeletionPolicy Snapshot fails the stack operation; use Retain, RetainExceptOnCreate or Delete",
            "error: app: Queue: UpdateReplacePolicy: CloudFormation takes no snapshot of AWS::SQS::Queue resources, so UpdateReplacePolicy Snapshot fails the stack operation; use Retain, RetainExceptOnCreate or Delete",
        ])
    }

    @Test func anUnknownNestedProperty() {
        let found = errors { stack in
            stack.add(Self.queue("Queue", ["RedrivePolicy": ["maxReceiveCount": 3, "deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq"]]))
            stack.add(RawResource("Bucket", type: "AWS::S3::Bucket", properties: ["VersioningConfiguration": ["Stauts": "Enabled"]]))
        }
        #expect(found == [
            "error: app: Bucket: Properties.VersioningConfiguration.Stauts: Stauts is not a property here (AWS::S3::Bucket Properties.VersioningConfiguration); did you mean Status?",
            "error: app: Bucket: Properties.VersioningConfiguration.Status: the required property Status is missing",
        ])
    }

    @Test func wrongTypes() {
        let found = errors { stack in
            stack.add(Self.queue("Queue", ["DelaySeconds": ["a"], "FifoQueue": "yes", "VisibilityTimeout": "30"]))
        }
        #expect(found == [
            "error: app: Queue: Properties.DelaySeconds: expects an integer, not a list",
            "error: app: Queue: Properties.FifoQueue: expects a boolean, not a string (yes)",
        ])
    }

    @Test func enumsLengthsPatternsAndRanges() {
        let found = errors { stack in
            stack.add(RawResource("Function", type: "AWS::Lambda::Function", properties: [
                "Code": ["ZipFile": "def handler(event, context): pass"],
                "Role": "arn:aws:iam::123456789012:role/r",
                "Architectures": ["x86"],
            ]))
            stack.add(RawResource("Bucket", type: "AWS::S3::Bucket", properties: ["BucketName": "My_Bucket"]))
            stack.add(RawResource("Long", type: "AWS::S3::Bucket", properties: ["BucketName": .string(String(repeating: "b", count: 90))]))
            stack.add(Self.queue("Queue", ["MessageRetentionPeriod": 30]))
        }
        #expect(found == [
            "error: app: Function: Properties.Architectures[0]: 'x86' is not one of the allowed values: x86_64, arm64",
            "error: app: Bucket: Properties.BucketName: 'My_Bucket' does not match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
            "error: app: Long: Properties.BucketName: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…(90 characters)' is 90 characters long; at most 63 are allowed",
            "error: app: Queue: Properties.MessageRetentionPeriod: 30 is below the minimum 60",
        ])
    }

    @Test func tooManyItemsAndMissingRequired() {
        let found = errors { stack in
            stack.add(RawResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "BatchSize": 10,
                "FunctionResponseTypes": ["ReportBatchItemFailures", "ReportBatchItemFailures"],
            ]))
        }
        #expect(found == [
            "error: app: Mapping: Properties.FunctionResponseTypes: has 2 items; at most 1 is allowed",
            "error: app: Mapping: Properties.FunctionResponseTypes[1]: repeats an earlier item; the list's items must be unique",
            "error: app: Mapping: Properties.FunctionName: the required property FunctionName is missing",
        ])
    }

    @Test func readOnlyPropertiesAndUnknownTypes() {
        let found = errors { stack in
            stack.add(RawResource("Table", type: "AWS::DynamoDB::Tabel"))
            stack.add(Self.queue("Queue", ["Arn": "arn:aws:sqs:us-east-1:123456789012:q"]))
            stack.add(RawResource("Custom", type: "Custom::Anything", properties: ["Whatever": 1]))
        }
        #expect(found == [
            "error: app: Table: Type: AWS::DynamoDB::Tabel is not a resource type CloudFormation knows (catalog: cfn-lint 1.58.0 schemas); did you mean AWS::DynamoDB::Table?",
            "error: app: Queue: Properties.Arn: Arn is read-only: CloudFormation sets it (read it with GetAtt); remove it from Properties",
        ])
    }

    @Test func getAttOfAnAttributeTheTypeDoesNotHave() {
        let found = errors { stack in
            let queue = stack.add(Self.queue())
            stack.add(Self.queue("Other", ["RedrivePolicy": ["deadLetterTargetArn": queue.attribute("Ann").raw, "maxReceiveCount": 3]]))
            stack.output("Url", Fn.getAtt("Queue", "QueueUrl"))
        }
        #expect(found == [
            "error: app: Other: Properties.RedrivePolicy.deadLetterTargetArn: Queue is a AWS::SQS::Queue, which has no attribute Ann for GetAtt; did you mean Arn?",
        ])
    }

    @Test func intrinsicsAreCheckedForWhatTheyGive() {
        let found = errors { stack in
            let subnets = stack.parameter("Subnets", .subnetIDs, description: "subnets")
            stack.add(Self.queue("Queue", ["QueueName": subnets.raw]))
            stack.add(RawResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "FunctionName": "f",
                "FunctionResponseTypes": .intrinsic(.join(delimiter: "", ["ReportBatchItemFailures"])),
                "BatchSize": .intrinsic(.if(condition: "Never", then: 20_000, else: .intrinsic(.ref(ReferenceTarget("AWS::NoValue"))))),
            ]))
            _ = stack.condition("Never", Fn.equals(AWS.region, Value("nowhere")))
        }
        #expect(found == [
            "error: app: Queue: Properties.QueueName: expects a string, but Ref Subnets gives a list",
            "error: app: Mapping: Properties.FunctionResponseTypes: expects a list, but Fn::Join gives a single value",
            "error: app: Mapping: Properties.BatchSize: 20000 is above the maximum 10000",
        ])
    }

    /// A function the model does not type (as `infra validate --template` carries it) gives
    /// something unknown: it is not an object where a string or an integer goes.
    @Test func untypedFunctionsAreSkipped() {
        let found = errors { stack in
            stack.add(Self.queue("Queue", [
                "QueueName": ["Fn::ToJsonString": ["a": 1]],
                "DelaySeconds": ["Fn::Length": [1, 2]],
                "Tags": ["Fn::Transform": ["Name": "AWS::Include"]],
                "RedrivePolicy": ["Fn::GetStackOutput": ["StackName": "s", "OutputName": "o"]],
            ]))
        }
        #expect(found.isEmpty)
        // An ordinary object of one key is still checked.
        let checked = errors { stack in
            stack.add(Self.queue("Queue", ["QueueName": ["Name": "q"]]))
        }
        #expect(checked == ["error: app: Queue: Properties.QueueName: expects a string, not an object"])
    }

    @Test func templateLevelLimits() {
        let found = errors { stack in
            stack.add(Self.queue())
        }
        #expect(found.isEmpty)
        let long = Stack("app", description: String(repeating: "d", count: 5_000)) { stack in
            stack.add(Self.queue())
            let parameter = stack.parameter("Name", .string, description: String(repeating: "p", count: 4_001))
            stack.add(Self.queue("Named", ["QueueName": parameter.raw]))
            stack.output("Url", Self.queue().ref, description: String(repeating: "o", count: 1_025))
        }
        #expect(synthesize(long).diagnostics.map(\.description).filter { $0.contains("long; CloudFormation allows") } == [
            "error: app: Description: the stack description is 5000 characters long; CloudFormation allows at most 1024 (shorten it)",
            "error: app: Name: Description: the parameter description is 4001 characters long; CloudFormation allows at most 4000 (shorten it)",
            "error: app: Url: Description: the output description is 1025 bytes long; CloudFormation allows at most 1024 (shorten it)",
        ])
    }
}

@Suite("Fixed names are unique per type in an app and environment")
struct PhysicalNameClashTests {
    @Test func twoResourcesWithOneFixedNameInOneAppFail() {
        let app = App("app") { app in
            app.stack("data").add(RawResource("Table", type: "AWS::SQS::Queue", properties: ["QueueName": "orders"]))
            let processing = app.stack("processing")
            processing.add(RawResource("Again", type: "AWS::SQS::Queue", properties: ["QueueName": "orders"]))
            processing.add(RawResource("Topic", type: "AWS::SNS::Topic", properties: ["TopicName": "orders"]))
            processing.add(RawResource("Twice", type: "AWS::SNS::Topic", properties: ["TopicName": "orders"]))
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        #expect(result.diagnostics.map(\.description) == [
            "error: processing: Again: Properties.QueueName: QueueName 'orders' is also the name of Table in stack data: two AWS::SQS::Queue resources cannot share a name in one account and region, so the second create fails. Give one another name (or derive it from the environment).",
            "error: processing: Twice: Properties.TopicName: TopicName 'orders' is also the name of Topic: two AWS::SNS::Topic resources cannot share a name in one account and region, so the second create fails. Give one another name (or derive it from the environment).",
        ])
    }
}

@Suite("Position-by-position list items (prefixItems)")
struct PrefixItemsTests {
    @Test func aTableKeySchemaStartsWithTheHashKey() {
        let stack = Stack("app") { stack in
            stack.add(RawResource("Table", type: "AWS::DynamoDB::Table", properties: [
                "KeySchema": [["AttributeName": "sk", "KeyType": "RANGE"], ["AttributeName": "pk", "KeyType": "HASH"]],
                "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "S"]],
                "BillingMode": "PAY_PER_REQUEST",
            ]))
        }
        #expect(synthesize(stack).diagnostics.map(\.description) == [
            "error: app: Table: Properties.KeySchema[0].KeyType: 'RANGE' is not one of the allowed values: HASH",
            "error: app: Table: Properties.KeySchema[1].KeyType: 'HASH' is not one of the allowed values: RANGE",
        ])
    }
}

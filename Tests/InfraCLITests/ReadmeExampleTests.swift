import CloudFormation
import Infra
import Testing

/// The example in the README's "What you write", verbatim but for the final `InfraCLI.main`:
/// it must compile and synthesize without a diagnostic. Keep the two in step.
@Suite("The README's example")
struct ReadmeExampleTests {
    static let messaging = Stack("cruddur-messaging", description: "Direct messages") { stack in
        let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets")
        let groups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups")
        let ops = stack.parameter("AlarmTopicArn", .string, description: "The SNS topic alarms notify")

        let messages = stack.add(Table("Messages", tableName: "cruddur-messages",
            partitionKey: .string("pk"), sortKey: .string("sk"),
            billing: .provisioned(read: 5, write: 5), stream: .newImage))
        let byGroup = messages.globalIndex("message-group-sk-index",
            partitionKey: .string("message_group_uuid"), sortKey: .string("sk"),
            throughput: Throughput(read: 5, write: 5))

        let processor = stack.add(Function("MessagingStream", functionName: "cruddur-messaging-stream",
            runtime: .python3_13, handler: "index.lambda_handler",
            code: .inline(file: "templates/cruddur-messaging-stream/index.py"),
            environment: ["TABLE_NAME": messages.name, "INDEX_NAME": Value(byGroup.name)],
            vpc: VPCConfig(subnetIDs: subnets, securityGroupIDs: groups)))
        byGroup.grant(processor, .query)                     // Query on <table arn>/index/message-group-sk-index
        messages.grant(processor, .putItem, .deleteItem)     // on the table ARN only

        stack.add(processor.trigger(on: messages.stream,     // does not compile for a table without a stream
            batchSize: 1, startingPosition: .latest,
            filters: [StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))],
            reportBatchItemFailures: true,                   // grants the stream read itself
            alarms: .notify(ops)))                           // IteratorAge and Errors alarms (see "Alarms")

        stack.output("StreamArn", messages.streamArn)
    }

    static let app = App("cruddur", stacks: [messaging])

    @Test func itSynthesizesWithoutDiagnostics() throws {
        var pipeline = SynthesisPipeline(app: Self.app, files: SourceFiles(root: OutDirectoryGoldenTests.root.path),
                                         environment: .default, command: "swift run infra synth")
        pipeline.today = CalendarDate(2026, 11, 25)  // pinned: python3.13's deprecation must not age this test
        let result = pipeline.run()
        #expect(result.diagnostics.map(\.description) == [])
        let yaml = try #require(result.files.first { $0.isTemplate }?.contents)
        #expect(yaml.contains("Resource: !Sub ${Messages.Arn}/index/message-group-sk-index"))
        #expect(!yaml.contains("Action: '*'"))
    }
}

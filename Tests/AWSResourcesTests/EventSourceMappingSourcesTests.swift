import AWSKinesis
import AWSResources
import CloudFormation
import Testing

/// Sources other than a table's stream: a Kinesis stream and an SQS queue bind their own ARN,
/// read grant, starting positions, filters and SAM event Type.
@Suite struct EventSourceMappingSourcesTests {
    static func kinesis(_ configure: @escaping @Sendable (Function, CfnStream) -> EventSourceMapping) -> Synthesized {
        validate { stack in
            let stream = stack.add(CfnStream("Clicks", shardCount: 1))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(configure(function, stream))
        }
    }

    static func queue(_ configure: @escaping @Sendable (Function, Queue) -> EventSourceMapping) -> Synthesized {
        validate { stack in
            let queue = stack.add(Queue("Jobs"))
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(configure(function, queue))
        }
    }

    static func statements(_ result: Synthesized, role: String) -> [TemplateValue]? {
        result.properties(role)["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items
    }

    @Test func aKinesisStreamIsReadByItsArnWithTheShardReadGrant() throws {
        let result = Self.kinesis { function, stream in
            function.trigger(on: stream, startingPosition: .trimHorizon, filters: [RecordFilter(.field("type", .equals("click")))], alarms: .none)
        }
        #expect(result.properties("ConsumerClicksEvents") == [
            "EventSourceArn": .getAtt("Clicks", "Arn"),
            "FunctionName": .ref("Consumer"),
            "StartingPosition": "TRIM_HORIZON",
            "Enabled": true,
            "FilterCriteria": ["Filters": [["Pattern": #"{"data":{"type":["click"]}}"#]]],
        ])
        #expect(Self.statements(result, role: "ConsumerRole")?.last == [
            "Sid": "ReadClicksStream", "Effect": "Allow",
            "Action": ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"],
            "Resource": .getAtt("Clicks", "Arn"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aKinesisStreamTakesAtTimestampButNotNothing() {
        let atTimestamp = Self.kinesis { function, stream in
            let mapping = function.trigger(on: stream, startingPosition: .latest, alarms: .none)
            mapping.addPropertyOverride("StartingPosition", "AT_TIMESTAMP")
            mapping.addPropertyOverride("StartingPositionTimestamp", 1_700_000_000)
            return mapping
        }
        #expect(atTimestamp.errors.isEmpty, "\(atTimestamp.messages)")
        let missing = Self.kinesis { function, stream in
            let mapping = function.trigger(on: stream, startingPosition: .latest, alarms: .none)
            mapping.addPropertyDeletionOverride("StartingPosition")
            return mapping
        }
        #expect(missing.messages == ["error ConsumerClicksEvents Properties.StartingPosition: a Kinesis stream mapping needs a starting position: LATEST, TRIM_HORIZON or AT_TIMESTAMP"])
    }

    @Test func failedKinesisBatchesGoToATopicOrAQueueWithTheirDeliveryGrant() {
        let result = validate { stack in
            let stream = stack.add(CfnStream("Clicks", shardCount: 1))
            let alerts = stack.add(Topic("Alerts"))
            let failures = stack.add(Queue("Failures"))
            let first = stack.add(Function("First", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            let second = stack.add(Function("Second", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(first.trigger(on: stream, startingPosition: .latest, onFailure: .topic(alerts), alarms: .none))
            stack.add(second.trigger(on: stream, startingPosition: .latest, onFailure: .queue(failures), alarms: .none))
        }
        #expect(result.properties("FirstClicksEvents")["DestinationConfig"] == ["OnFailure": ["Destination": .ref("Alerts")]])
        #expect(result.properties("SecondClicksEvents")["DestinationConfig"] == ["OnFailure": ["Destination": .getAtt("Failures", "Arn")]])
        #expect(Self.statements(result, role: "FirstRole")?.last == ["Sid": "PublishFailedRecordsToAlerts", "Effect": "Allow", "Action": "sns:Publish", "Resource": .ref("Alerts")])
        #expect(Self.statements(result, role: "SecondRole")?.last == ["Sid": "SendFailedRecordsToFailures", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": .getAtt("Failures", "Arn")])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aQueueHasNoStartingPositionAndItsOwnSettings() {
        let result = Self.queue { function, queue in
            function.trigger(on: queue, batchSize: 10, maximumBatchingWindowInSeconds: 1, filters: [RecordFilter(.field("order", "kind", matching: .equals("a"), .exists))], reportBatchItemFailures: true, maximumConcurrency: 2)
        }
        #expect(result.properties("WorkerJobsEvents") == [
            "EventSourceArn": .getAtt("Jobs", "Arn"),
            "FunctionName": .ref("Worker"),
            "BatchSize": 10,
            "Enabled": true,
            "MaximumBatchingWindowInSeconds": 1,
            "FilterCriteria": ["Filters": [["Pattern": #"{"body":{"order":{"kind":["a",{"exists":true}]}}}"#]]],
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "ScalingConfig": ["MaximumConcurrency": 2],
        ])
        #expect(Self.statements(result, role: "WorkerRole")?.last == [
            "Sid": "ReceiveJobsMessages", "Effect": "Allow",
            "Action": ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], "Resource": .getAtt("Jobs", "Arn"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func streamSettingsOnAQueueAreErrors() {
        let result = Self.queue { function, queue in
            let mapping = function.trigger(on: queue)
            mapping.addPropertyOverride("StartingPosition", "LATEST")
            mapping.addPropertyOverride("DestinationConfig", ["OnFailure": ["Destination": "arn:aws:sqs:ca-central-1:111122223333:dlq"]])
            return mapping
        }
        #expect(result.messages == [
            "error WorkerJobsEvents Properties.StartingPosition: SQS queue mappings take no StartingPosition, a stream's setting; leave it out",
            "error WorkerJobsEvents Properties.DestinationConfig: SQS queue mappings take no DestinationConfig, a stream's setting; give the queue a redrive policy (a dead-letter queue) instead",
        ])
    }

    @Test func aQueueSettingOnAStreamIsAnError() {
        let result = Self.kinesis { function, stream in
            let mapping = function.trigger(on: stream, startingPosition: .latest, alarms: .none)
            mapping.addPropertyOverride("ScalingConfig", ["MaximumConcurrency": 5])
            return mapping
        }
        #expect(result.messages == ["error ConsumerClicksEvents Properties.ScalingConfig: a Kinesis stream mapping takes no maximum concurrency (a queue's setting); use ParallelizationFactor"])
    }

    @Test func queueConcurrencyIsCheckedByTheCatalog() {
        let result = Self.queue { function, queue in function.trigger(on: queue, maximumConcurrency: 1) }
        #expect(result.messages == ["error WorkerJobsEvents Properties.ScalingConfig.MaximumConcurrency: 1 is below the minimum 2"])
    }

    @Test func recordFiltersReportTheirProblems() {
        let result = Self.queue { function, queue in
            function.trigger(on: queue, filters: [RecordFilter(), RecordFilter(.field("kind")), RecordFilter(.field("", matching: .exists), .field("kind", .exists))])
        }
        #expect(result.messages == [
            "error WorkerJobsEvents Properties.FilterCriteria.Filters[0].Pattern: filter 1 has no conditions, so it would match every record; leave it out instead",
            "error WorkerJobsEvents Properties.FilterCriteria.Filters[1].Pattern: the condition on body.kind lists no values, so it matches nothing",
            "error WorkerJobsEvents Properties.FilterCriteria.Filters[2].Pattern: a condition of filter 3 names no field (or an empty one) of the body",
        ])
    }

    @Test func anImportedRoleIsWarnedOfTheQueueRead() {
        let result = synthesize { stack in
            let queue = stack.add(Queue("Jobs"))
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k"), role: .imported(arn: "arn:aws:iam::111122223333:role/w")))
            stack.add(function.trigger(on: queue))
        }
        #expect(result.errors.isEmpty)
        #expect(result.messages.contains("warning Worker Properties.Role: the imported role must allow sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:ReceiveMessage on !GetAtt Jobs.Arn to receive messages from the queue Jobs"))
    }

    @Test func inSAMFlavorEachSourceIsAnEventOfItsType() {
        let result = synthesize(.sam) { stack in
            let stream = stack.add(CfnStream("Clicks", shardCount: 1))
            let queue = stack.add(Queue("Jobs"))
            let alerts = stack.add(Topic("Alerts"))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(function.trigger(on: stream, startingPosition: .latest, onFailure: .topic(alerts), alarms: .none))
            stack.add(function.trigger(on: queue, batchSize: 5))
        }
        #expect(result.events(of: "Consumer") == [
            "ClicksEvents": ["Type": "Kinesis", "Properties": [
                "Stream": .getAtt("Clicks", "Arn"), "StartingPosition": "LATEST", "Enabled": true,
                "DestinationConfig": ["OnFailure": ["Destination": .ref("Alerts"), "Type": "SNS"]],
            ]],
            "JobsEvents": ["Type": "SQS", "Properties": ["Queue": .getAtt("Jobs", "Arn"), "BatchSize": 5, "Enabled": true]],
        ])
        // The read grants are what AWSLambdaKinesisExecutionRole and AWSLambdaSQSQueueExecutionRole
        // allow, and SAM grants the publish for `Type: SNS`: nothing is left for Policies.
        #expect(result.properties("Consumer")["Policies"] == nil)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }
}

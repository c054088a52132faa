import AWSResources
import CloudFormation
import Testing

/// A source and a destination written outside AWSResources, each one conforming type: what a
/// new source (or the S3 bucket destination) takes. They use only the public API.
private struct ArchiveBucket: OnFailureDestination {
    let bucket: RawResource

    var destinationArn: Value<String> { bucket.attribute("Arn") }
    var deliveryStatements: [PolicyStatement] {
        [
            PolicyStatement(sid: "PutFailedRecords", actions: [UncheckedAction("s3:PutObject")], resources: [Fn.join("", [destinationArn, "/*"])]),
            PolicyStatement(sid: "ListFailedRecords", actions: [UncheckedAction("s3:ListBucket")], resources: [destinationArn]),
        ]
    }
    var samDestinationType: String? { "S3" }
    /// SAM writes the object ARN as `!Join ['/', [<arn>, '*']]`.
    var samGrantedStatements: [PolicyStatement] {
        [
            PolicyStatement(actions: [UncheckedAction("s3:PutObject")], resources: [Fn.join("/", [destinationArn, "*"])]),
            PolicyStatement(actions: [UncheckedAction("s3:ListBucket")], resources: [destinationArn]),
        ]
    }
}

/// A stream source defined by its owner: the starting positions and the kind's rules come
/// with `StreamEventSource`.
private struct ChangeFeed: StreamEventSource {
    let feed: RawResource

    var eventSourceArn: Value<String> { feed.attribute("Arn") }
    var mappingIDStem: String { feed.logicalID }
    var sourceDescription: String { "the change feed \(feed.logicalID)" }
    var kindDescription: String { "change feed" }
    var startingPositions: [String] { ["LATEST"] }
    var samEvent: SAMEventSource {
        SAMEventSource(type: "Kinesis", arnProperty: "Stream", managedPolicy: .kinesisExecution)
    }

    func bind(_ mapping: EventSourceMapping) {
        mapping.function.role?.addToPolicy(PolicyStatement(sid: "ReadFeed", actions: [UncheckedAction("kinesis:GetRecords")], resources: [eventSourceArn]))
    }

    func pattern(of filter: RecordFilter, number: Int) -> FilterPattern {
        FilterPattern(json: #"{"data":{}}"#, problems: [])
    }
}

@Suite struct EventSourceMappingOpenProtocolTests {
    @Test func aSourceAndADestinationFromOutsideBindThemselves() {
        let result = validate { stack in
            let feed = stack.add(RawResource("Feed", type: "AWS::Kinesis::Stream", properties: ["ShardCount": 1]))
            let archive = stack.add(RawResource("Archive", type: "AWS::S3::Bucket"))
            let function = stack.add(Function("Reader", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(function.trigger(on: ChangeFeed(feed: feed), startingPosition: .latest, onFailure: FailureDestination(ArchiveBucket(bucket: archive)), alarms: .none))
        }
        #expect(result.properties("ReaderFeedEvents")["EventSourceArn"] == .getAtt("Feed", "Arn"))
        #expect(result.properties("ReaderFeedEvents")["DestinationConfig"] == ["OnFailure": ["Destination": .getAtt("Archive", "Arn")]])
        let sids = result.properties("ReaderRole")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["WriteOwnLogs", "ReadFeed", "PutFailedRecords", "ListFailedRecords"])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func theKindsRulesComeWithTheProtocol() {
        let result = validate { stack in
            let feed = stack.add(RawResource("Feed", type: "AWS::Kinesis::Stream", properties: ["ShardCount": 1]))
            let function = stack.add(Function("Reader", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            let mapping = stack.add(function.trigger(on: ChangeFeed(feed: feed), startingPosition: .latest, alarms: .none))
            mapping.addPropertyOverride("StartingPosition", "TRIM_HORIZON")
        }
        #expect(result.messages == ["error ReaderFeedEvents Properties.StartingPosition: starting position 'TRIM_HORIZON' is not valid for a change feed; use LATEST"])
    }

    @Test func inSAMFlavorTheFoldedRoleLeavesOutOnlyWhatSAMGrantsForTheType() {
        let result = synthesize(.sam) { stack in
            let feed = stack.add(RawResource("Feed", type: "AWS::Kinesis::Stream", properties: ["ShardCount": 1]))
            let archive = stack.add(RawResource("Archive", type: "AWS::S3::Bucket"))
            let function = stack.add(Function("Reader", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(function.trigger(on: ChangeFeed(feed: feed), startingPosition: .latest, onFailure: FailureDestination(ArchiveBucket(bucket: archive)), alarms: .none))
        }
        let event = result.events(of: "Reader")["FeedEvents"]?.fields
        #expect(event?["Type"] == "Kinesis")
        #expect(event?["Properties"]?.fields?["DestinationConfig"] == ["OnFailure": ["Destination": .getAtt("Archive", "Arn"), "Type": "S3"]])
        // SAM grants ListBucket on the bucket as written, but PutObject on its own spelling of the
        // objects' ARN, so the bucket's PutObject statement stays.
        let sids = result.policyDocuments(of: "Reader").first?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["PutFailedRecords"])
    }
}

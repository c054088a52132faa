import AWSKinesis
import CloudFormation

/// A Kinesis data stream (the generated `CfnStream`) as an event source: `Type: Kinesis` in
/// SAM, LATEST, TRIM_HORIZON or AT_TIMESTAMP, filters on the record's JSON `data`.
///
/// The mapping reads the shards directly (a standard iterator, not an enhanced fan-out
/// consumer), so the read grant is what Lambda documents for that on the stream's ARN:
/// DescribeStream, DescribeStreamSummary, GetRecords, GetShardIterator and ListShards
/// (SubscribeToShard is for a consumer's ARN, which this mapping does not use).
extension CfnStream: StreamEventSource {
    public var eventSourceArn: Value<String> { attrArn }
    public var mappingIDStem: String { logicalID }
    public var sourceDescription: String { "the Kinesis stream \(logicalID)" }
    public var kindDescription: String { "Kinesis stream" }
    public var startingPositions: [String] { StartingPosition.allCases.map { $0.rawValue } + ["AT_TIMESTAMP"] }
    public var samEvent: SAMEventSource {
        SAMEventSource(type: "Kinesis", arnProperty: "Stream", managedPolicy: .kinesisExecution)
    }

    public func bind(_ mapping: EventSourceMapping) {
        let arn = attrArn
        let sid = "Read\(logicalID)Stream"
        mapping.function.grantTarget.grant(.automatic(reason: "to read \(sourceDescription)")) {
            PolicyStatement(sid: sid, actions: KinesisAction.streamRead, resources: [arn])
        }
    }

    public func pattern(of filter: RecordFilter, number: Int) -> FilterPattern {
        filter.pattern(payloadKey: "data", number: number)
    }
}

/// Kinesis Data Streams actions.
public enum KinesisAction: String, IAMAction, CaseIterable, Hashable {
    case describeStream = "kinesis:DescribeStream"
    case describeStreamSummary = "kinesis:DescribeStreamSummary"
    case getRecords = "kinesis:GetRecords"
    case getShardIterator = "kinesis:GetShardIterator"
    case listShards = "kinesis:ListShards"

    /// What an event-source mapping needs to read a stream's shards.
    public static let streamRead: [KinesisAction] = [.describeStream, .describeStreamSummary, .getRecords, .getShardIterator, .listShards]
}

extension SAMManagedPolicy {
    /// AWSLambdaKinesisExecutionRole v2, for a Kinesis event.
    public static let kinesisExecution = SAMManagedPolicy(name: "AWSLambdaKinesisExecutionRole", actions: logs + [
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard",
    ])
}

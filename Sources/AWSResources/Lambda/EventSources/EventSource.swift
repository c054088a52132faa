import AWSLambda
import CloudFormation

/// Something a function is triggered on through an event-source mapping, as CDK's
/// `IEventSource`: the source binds itself to the mapping. It names what the mapping reads
/// (its ARN), grants the function's role what polling needs, says which starting positions
/// it takes, turns its own kind of filter into Lambda's pattern, and says how SAM writes it
/// as an event of the function.
///
/// Adding a source is one conforming type in one file: a stream read as ordered shards
/// (starting position, retries, an on-failure destination) conforms to `StreamEventSource`,
/// a queue (batches, concurrency, its own redrive queue for failures) to `QueueEventSource`,
/// and `function.trigger(on:)` then offers exactly the settings Lambda supports for it.
/// Conformances here: a table's stream (`TableStream`), a Kinesis stream (`CfnStream`), an
/// SQS queue (`Queue`).
public protocol EventSource {
    /// A filter on the source's records: `StreamFilter` for a table's stream, `RecordFilter`
    /// on the JSON payload of a Kinesis record or an SQS message.
    associatedtype Filter

    /// The ARN the mapping reads (`EventSourceArn`).
    var eventSourceArn: Value<String> { get }
    /// The middle of the mapping's default logical ID, `<Function><stem>Events`.
    var mappingIDStem: String { get }
    /// The source as messages name it: "the stream of Messages".
    var sourceDescription: String { get }
    /// What kind of source it is, in messages: "DynamoDB stream".
    var kindDescription: String { get }
    /// How SAM writes the source as one of its function's `Events`.
    var samEvent: SAMEventSource { get }

    /// Grants the function of `mapping` what polling the source needs (called once, when
    /// the mapping is made). An imported role gets a warning per permission instead.
    func bind(_ mapping: EventSourceMapping)
    /// Lambda's pattern for `filter`, the mapping's filter number `number` (from 1), as
    /// compact JSON, and what is wrong with it.
    func pattern(of filter: Filter, number: Int) -> FilterPattern
    /// What is wrong with the mapping as it deploys (overrides applied) for this source: a
    /// setting Lambda does not take for it, a starting position it does not know. Each kind of
    /// source (`StreamEventSource`, `QueueEventSource`) has its own rules, which a source
    /// inherits.
    func problems(in mapping: CfnEventSourceMapping) -> [SourceProblem]
}

/// A source Lambda reads as ordered shards (a DynamoDB or Kinesis stream): the mapping needs a
/// starting position and may retry, bisect, age out, parallelize, window and send the
/// metadata of a failed batch to an on-failure destination.
public protocol StreamEventSource: EventSource {
    /// The starting positions the source takes (`LATEST`, `TRIM_HORIZON`, ...).
    var startingPositions: [String] { get }
}

extension StreamEventSource {
    public func problems(in mapping: CfnEventSourceMapping) -> [SourceProblem] {
        // Made only for a message: every mapping is checked on every synthesis.
        var choices: String {
            startingPositions.count > 1
                ? startingPositions.dropLast().joined(separator: ", ") + " or " + (startingPositions.last ?? "")
                : startingPositions.joined()
        }
        var problems: [SourceProblem] = []
        if mapping.startingPosition == nil {
            problems.append(SourceProblem("StartingPosition", "a \(kindDescription) mapping needs a starting position: \(choices)"))
        } else if let position = mapping.startingPosition?.literal, !startingPositions.contains(position) {
            problems.append(SourceProblem("StartingPosition", "starting position '\(Diagnostic.abbreviated(position))' is not valid for a \(kindDescription); use \(choices)"))
        }
        if mapping.scalingConfig != nil {
            problems.append(SourceProblem("ScalingConfig", "a \(kindDescription) mapping takes no maximum concurrency (a queue's setting); use ParallelizationFactor"))
        }
        return problems
    }
}

/// A source Lambda polls as a queue (SQS): batches and a maximum concurrency, no starting
/// position, and no on-failure destination (a message that keeps failing goes to the queue's
/// own redrive dead-letter queue).
public protocol QueueEventSource: EventSource {}

extension QueueEventSource {
    public func problems(in mapping: CfnEventSourceMapping) -> [SourceProblem] {
        // The stream settings Lambda refuses for a queue, by the property that holds each.
        let streamSettings: [(property: String, isSet: Bool)] = [
            ("StartingPosition", mapping.startingPosition != nil),
            ("StartingPositionTimestamp", mapping.startingPositionTimestamp != nil),
            ("ParallelizationFactor", mapping.parallelizationFactor != nil),
            ("BisectBatchOnFunctionError", mapping.bisectBatchOnFunctionError != nil),
            ("MaximumRetryAttempts", mapping.maximumRetryAttempts != nil),
            ("MaximumRecordAgeInSeconds", mapping.maximumRecordAgeInSeconds != nil),
            ("TumblingWindowInSeconds", mapping.tumblingWindowInSeconds != nil),
            ("DestinationConfig", mapping.destinationConfig != nil),
        ]
        return streamSettings.filter(\.isSet).map { setting in
            let advice = setting.property == "DestinationConfig" ? "give the queue a redrive policy (a dead-letter queue) instead" : "leave it out"
            return SourceProblem(setting.property, "\(kindDescription) mappings take no \(setting.property), a stream's setting; \(advice)")
        }
    }
}

/// A problem with a mapping's property for its kind of source.
public struct SourceProblem: Sendable {
    /// The property, under `Properties`.
    public let property: String
    public let message: String

    public init(_ property: String, _ message: String) {
        self.property = property
        self.message = message
    }
}

/// How SAM writes a source as an event of its function, and what SAM's generated role gets
/// for it: `Type: DynamoDB` with `Stream: <arn>` and AWSLambdaDynamoDBExecutionRole.
public struct SAMEventSource: Sendable {
    /// The event's `Type`.
    public let type: String
    /// The event property that holds the source's ARN (`Stream`, `Queue`).
    public let arnProperty: String
    /// The AWS managed policy SAM attaches to the generated role for such an event.
    public let managedPolicy: SAMManagedPolicy

    public init(type: String, arnProperty: String, managedPolicy: SAMManagedPolicy) {
        self.type = type
        self.arnProperty = arnProperty
        self.managedPolicy = managedPolicy
    }
}

/// A filter as Lambda takes it: its pattern, and the problems found while writing it
/// (each reported at the filter's path).
public struct FilterPattern: Sendable {
    public let json: String
    public let problems: [String]

    public init(json: String, problems: [String]) {
        self.json = json
        self.problems = problems
    }
}

import CloudFormation

/// An SQS queue (`AWS::SQS::Queue`), minimal: enough to serve as an on-failure destination.
public final class Queue: Resource, HasAttributes {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
        case queueName = "QueueName"
        case queueURL = "QueueUrl"
    }

    /// 1 to 80 of `[A-Za-z0-9_-]`, ending in `.fifo` for a FIFO queue (the suffix counts).
    public var queueName: Value<String>?
    /// Seconds, 60 to 1209600.
    public var messageRetentionPeriod: Int
    /// Seconds, 0 to 43200; nil keeps SQS's default (30).
    public var visibilityTimeout: Int?
    public var tags: ResourceTags

    /// - Parameter messageRetentionPeriod: 14 days (the maximum) by default: failed records
    ///   land here for a person to look at, which may take longer than SQS's 4-day default.
    public init(_ logicalID: String, queueName: Value<String>? = nil, messageRetentionPeriod: Int = 1_209_600, visibilityTimeout: Int? = nil, tags: ResourceTags = [:]) {
        self.queueName = queueName
        self.messageRetentionPeriod = messageRetentionPeriod
        self.visibilityTimeout = visibilityTimeout
        self.tags = tags
        super.init(logicalID: logicalID, type: "AWS::SQS::Queue")
    }

    public var arn: Value<String> { attribute(.arn) }
    /// The queue's URL (its Ref).
    public var url: Value<String> { ref }
    public var name: Value<String> { attribute(.queueName) }

    public override func properties(in context: SynthesisContext) -> Fields {
        var properties = Fields()
        properties["QueueName"] = queueName?.raw
        properties["MessageRetentionPeriod"] = .integer(messageRetentionPeriod)
        properties["VisibilityTimeout"] = visibilityTimeout.map { .integer($0) }
        // SSE with SQS-owned keys: the default for new queues, written out so reviewers see it.
        properties["SqsManagedSseEnabled"] = .boolean(true)
        properties["Tags"] = tags.rendered
        return properties
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if let name = properties["QueueName"]?.literalString {
            NameRules.check(name, kind: "queue name", length: 1...80, characters: "[A-Za-z0-9_-]", allowed: NameRules.isQueueNameCharacter, suffix: ".fifo", of: self, at: root / "QueueName", in: context)
        }
        // The schema has no rule for the name (the catalog checks the ranges).
        ResourceTags.validate(rendered: properties["Tags"], of: self, in: context)
    }
}

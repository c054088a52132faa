import AWSSQS
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
        Self.renderOrder.apply(to: cfnQueue.properties(in: context))
    }

    /// The L1 queue this one renders as.
    var cfnQueue: CfnQueue {
        CfnQueue(logicalID,
                 messageRetentionPeriod: Value(messageRetentionPeriod),
                 queueName: queueName,
                 // SSE with SQS-owned keys: the default for new queues, written out so reviewers see it.
                 sqsManagedSseEnabled: true,
                 tags: tags.typed(),
                 visibilityTimeout: visibilityTimeout.map { Value($0) })
    }

    /// The order this resource has always written its properties in (see `RenderOrder`).
    private static let renderOrder = RenderOrder(["QueueName", "MessageRetentionPeriod", "VisibilityTimeout", "SqsManagedSseEnabled", "Tags"])

    /// The rules run on what deploys: the rendered properties, overrides applied, as a `CfnQueue`.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        guard let deployed = DeployedProperties<CfnQueue>(properties, of: self, in: context)?.resource else { return }
        if let name = deployed.queueName?.literal {
            NameRules.check(name, kind: "queue name", length: 1...80, characters: "[A-Za-z0-9_-]", allowed: NameRules.isQueueNameCharacter, allowedASCII: NameRules.isQueueNameByte, suffix: ".fifo", of: self, at: PropertyPath.properties / "QueueName", in: context)
        }
        // The schema has no rule for the name (the catalog checks the ranges).
        ResourceTags.validate(deployed.tags, of: self, in: context)
    }
}

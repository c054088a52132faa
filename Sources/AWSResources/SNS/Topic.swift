import AWSSNS
import CloudFormation

/// An SNS topic (`AWS::SNS::Topic`), minimal: enough to serve as an on-failure destination.
public final class Topic: Resource, HasAttributes {
    public enum Attribute: String, Sendable {
        case topicARN = "TopicArn"
        case topicName = "TopicName"
    }

    /// 1 to 256 of `[A-Za-z0-9_-]`, ending in `.fifo` for a FIFO topic (the suffix counts).
    public var topicName: Value<String>?
    /// At most 100 characters.
    public var displayName: String?
    public var tags: ResourceTags

    public init(_ logicalID: String, topicName: Value<String>? = nil, displayName: String? = nil, tags: ResourceTags = [:]) {
        self.topicName = topicName
        self.displayName = displayName
        self.tags = tags
        super.init(logicalID: logicalID, type: "AWS::SNS::Topic")
    }

    /// The topic's ARN (its Ref).
    public var arn: Value<String> { ref }
    public var name: Value<String> { attribute(.topicName) }

    public override func properties(in context: SynthesisContext) -> Fields {
        Self.renderOrder.apply(to: cfnTopic.properties(in: context))
    }

    /// The L1 topic this one renders as.
    var cfnTopic: CfnTopic {
        CfnTopic(logicalID, displayName: displayName.map { Value($0) }, tags: tags.typed(), topicName: topicName)
    }

    /// The order this resource has always written its properties in (see `RenderOrder`).
    private static let renderOrder = RenderOrder(["TopicName", "DisplayName", "Tags"])

    /// The rules run on what deploys: the rendered properties, overrides applied, as a `CfnTopic`.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        guard let deployed = DeployedProperties<CfnTopic>(properties, of: self, in: context)?.resource else { return }
        let root = PropertyPath.properties
        if let name = deployed.topicName?.literal {
            NameRules.check(name, kind: "topic name", length: 1...256, characters: "[A-Za-z0-9_-]", allowed: NameRules.isQueueNameCharacter, allowedASCII: NameRules.isQueueNameByte, suffix: ".fifo", of: self, at: root / "TopicName", in: context)
        }
        NameRules.checkLength(deployed.displayName?.literal, kind: "the display name", limit: 100, of: self, at: root / "DisplayName", in: context)
        ResourceTags.validate(deployed.tags, of: self, in: context)
    }
}

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
        var properties = Fields()
        properties["TopicName"] = topicName?.raw
        properties["DisplayName"] = displayName.map { .string($0) }
        properties["Tags"] = tags.rendered
        return properties
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if let name = properties["TopicName"]?.literalString {
            NameRules.check(name, kind: "topic name", length: 1...256, characters: "[A-Za-z0-9_-]", allowed: NameRules.isQueueNameCharacter, suffix: ".fifo", of: self, at: root / "TopicName", in: context)
        }
        NameRules.checkLength(properties["DisplayName"]?.literalString, kind: "the display name", limit: 100, of: self, at: root / "DisplayName", in: context)
        ResourceTags.validate(rendered: properties["Tags"], of: self, in: context)
    }
}

import CloudFormation

/// An SNS topic (`AWS::SNS::Topic`), minimal: enough to serve as an on-failure destination.
public final class Topic: Resource, HasAttributes {
    public enum Attribute: String, Sendable {
        case topicARN = "TopicArn"
        case topicName = "TopicName"
    }

    public var topicName: Value<String>?
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
        tags.validate(self, in: context)
        var properties = Fields()
        properties["TopicName"] = topicName?.raw
        properties["DisplayName"] = displayName.map { .string($0) }
        properties["Tags"] = tags.rendered
        return properties
    }
}

import CloudFormation

/// A CloudWatch Logs log group (`AWS::Logs::LogGroup`).
///
/// Its DeletionPolicy stays CloudFormation's default (Delete): a retained group with a fixed
/// name (`/aws/lambda/<function>`) would make the next create of the stack fail on "already
/// exists", and function logs with a finite retention are operational data.
public final class LogGroup: Resource, HasAttributes {
    public enum Attribute: String, Sendable {
        /// `arn:...:log-group:<name>:*`: the trailing `:*` covers the group's log streams.
        case arn = "Arn"
    }

    /// nil lets CloudFormation generate the name.
    public var logGroupName: Value<String>?
    public var retention: LogRetention
    public var tags: ResourceTags

    /// - Parameter retention: 30 days by default: long enough to investigate an incident
    ///   noticed days later, short enough that verbose logging does not pile up cost.
    public init(_ logicalID: String, logGroupName: Value<String>? = nil, retention: LogRetention = .oneMonth, tags: ResourceTags = [:]) {
        self.logGroupName = logGroupName
        self.retention = retention
        self.tags = tags
        super.init(logicalID: logicalID, type: "AWS::Logs::LogGroup")
    }

    public var arn: Value<String> { attribute(.arn) }
    /// The group's name (its Ref).
    public var name: Value<String> { ref }

    public override func properties(in context: SynthesisContext) -> Fields {
        var properties = Fields()
        properties["LogGroupName"] = logGroupName?.raw
        properties["RetentionInDays"] = .integer(retention.rawValue)
        properties["Tags"] = tags.rendered
        return properties
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        // The name's length and characters are the catalog's pattern.
        ResourceTags.validate(rendered: properties["Tags"], of: self, in: context)
    }
}

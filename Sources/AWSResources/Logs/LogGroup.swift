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
        if let name = logGroupName?.literal {
            let allowed: (Character) -> Bool = { $0.isASCIILetterOrDigit || "._-/#".contains($0) }
            if name.isEmpty || name.count > 512 || !name.allSatisfy(allowed) {
                context.error(self, at: PropertyPath.properties / "LogGroupName", "log group name '\(name)' must be 1 to 512 characters of [A-Za-z0-9._/#-]")
            }
        }
        tags.validate(self, in: context)
        var properties = Fields()
        properties["LogGroupName"] = logGroupName?.raw
        properties["RetentionInDays"] = .integer(retention.rawValue)
        properties["Tags"] = tags.rendered
        return properties
    }
}

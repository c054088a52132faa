import AWSLogs
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

    /// Schema order is the order this resource has always written its properties in.
    public override func properties(in context: SynthesisContext) -> Fields {
        let model = cfnLogGroup
        renderedModel = model
        return model.properties(in: context)
    }

    /// The L1 object the properties were last rendered from, checked in place of decoding
    /// them back when no override changed them (`DeployedProperties`).
    private var renderedModel: CfnLogGroup?

    /// The L1 log group this one renders as.
    var cfnLogGroup: CfnLogGroup {
        CfnLogGroup(logicalID, logGroupName: logGroupName, retentionInDays: Value(retention.rawValue), tags: tags.typed())
    }

    /// The rules run on what deploys: the rendered properties, overrides applied, as a `CfnLogGroup`.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        defer { renderedModel = nil }
        guard let deployed = DeployedProperties<CfnLogGroup>(properties, rendered: renderedModel, of: self, in: context)?.resource else { return }
        // The name's length and characters are the catalog's pattern.
        ResourceTags.validate(deployed.tags, of: self, in: context)
    }
}

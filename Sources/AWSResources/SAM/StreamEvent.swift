import CloudFormation

/// A stream mapping as one of its function's SAM `Events`, of Type DynamoDB. SAM turns it back
/// into an `AWS::Lambda::EventSourceMapping` named `<Function><EventName>`; the event name is
/// chosen so that this is the mapping's own logical ID (`<Function><Table>Events` by default).
struct StreamEvent {
    let name: String
    /// `{Type: DynamoDB, Properties: ...}`.
    let value: TemplateValue
    /// The on-failure destination when its Type is rendered, so that SAM grants delivery to it.
    let typedDestination: (action: String, arn: TemplateValue)?

    /// Whether the mapping becomes an event of its function in SAM flavor. An event cannot
    /// carry resource attributes (DependsOn, Condition, deletion policies, Metadata), and
    /// belongs to the function's stack; a mapping that does not fit stays an
    /// `AWS::Lambda::EventSourceMapping` (with its permissions in the function's Policies).
    static func folds(_ mapping: EventSourceMapping) -> Bool {
        guard let stack = mapping.stackName, stack == mapping.function.stackName else { return false }
        return mapping.dependsOn.isEmpty && mapping.condition == nil && mapping.deletionPolicy == nil
            && mapping.updateReplacePolicy == nil && mapping.metadata.isEmpty
    }

    /// The mapping's logical ID without the function's, or the whole ID when it does not
    /// start with the function's.
    static func name(of mapping: EventSourceMapping) -> String {
        let prefix = mapping.function.logicalID
        let id = mapping.logicalID
        return id.hasPrefix(prefix) && id.count > prefix.count ? String(id.dropFirst(prefix.count)) : id
    }

    /// - Parameter rendered: the mapping as CloudFormation would read it, overrides applied.
    init(_ mapping: EventSourceMapping, rendered: TemplateResource) {
        name = Self.name(of: mapping)
        var destination: (action: String, arn: TemplateValue)?
        var properties = Fields()
        properties["Stream"] = rendered.properties["EventSourceArn"]
        for (key, value) in rendered.properties.entries {
            switch key {
            case "EventSourceArn", "FunctionName":
                continue  // Stream above; the function is the one the event belongs to
            case "DestinationConfig":
                let typed = Self.typed(value, onFailure: mapping.onFailure)
                properties[key] = typed.value
                destination = typed.destination
            default:
                properties[key] = value
            }
        }
        value = .object(["Type": "DynamoDB", "Properties": .object(properties)])
        typedDestination = destination
    }

    /// Adds `Type: SQS` or `Type: SNS` beside the on-failure destination, which makes SAM
    /// grant the delivery. Only when the destination is still the typed one (an override may
    /// have changed it, and then its type is unknown).
    private static func typed(_ config: TemplateValue, onFailure: FailureDestination?) -> (value: TemplateValue, destination: (action: String, arn: TemplateValue)?) {
        guard let onFailure, var fields = config.objectFields, var failure = fields["OnFailure"]?.objectFields,
              failure["Destination"] == onFailure.arn.raw else { return (config, nil) }
        // What SAM grants for each Type (it writes `sns:publish`; IAM ignores the case).
        let (type, action): (String, any IAMAction) = switch onFailure {
        case .queue: ("SQS", SQSAction.sendMessage)
        case .topic: ("SNS", SNSAction.publish)
        }
        failure["Type"] = .string(type)
        fields["OnFailure"] = .object(failure)
        return (.object(fields), (action.actionName, onFailure.arn.raw))
    }
}

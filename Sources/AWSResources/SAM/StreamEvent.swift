import CloudFormation

/// A mapping as one of its function's SAM `Events`, of its source's Type (`DynamoDB`,
/// `Kinesis`, `SQS`: `EventSource.samEvent`). SAM turns it back
/// into an `AWS::Lambda::EventSourceMapping` named `<Function><EventName>`; the event name is
/// chosen so that this is the mapping's own logical ID (`<Function><Table>Events` by default).
struct StreamEvent {
    let name: String
    /// `{Type: DynamoDB, Properties: ...}`.
    let value: TemplateValue
    /// What SAM's generated role gets for this event: the source's managed policy.
    let source: SAMEventSource
    /// The on-failure destination when its Type is rendered, so that SAM grants delivery to it.
    let typedDestination: (any OnFailureDestination)?

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
        source = mapping.source.samEvent
        var destination: (any OnFailureDestination)?
        var properties = Fields()
        properties[source.arnProperty] = rendered.properties["EventSourceArn"]
        for (key, value) in rendered.properties.entries {
            switch key {
            case "EventSourceArn", "FunctionName":
                continue  // the source above; the function is the one the event belongs to
            case "DestinationConfig":
                let typed = Self.typed(value, onFailure: mapping.onFailure)
                properties[key] = typed.value
                destination = typed.destination
            default:
                properties[key] = value
            }
        }
        value = .object(["Type": .string(source.type), "Properties": .object(properties)])
        typedDestination = destination
    }

    /// Adds the destination's SAM `Type` (`SQS`, `SNS`) beside it, which makes SAM grant the
    /// delivery. Only when the destination is still the typed one (an override may have
    /// changed it, and then its type is unknown) and SAM has a type for it.
    private static func typed(_ config: TemplateValue, onFailure: FailureDestination?) -> (value: TemplateValue, destination: (any OnFailureDestination)?) {
        guard let target = onFailure?.target, let type = target.samDestinationType,
              var fields = config.objectFields, var failure = fields["OnFailure"]?.objectFields,
              failure["Destination"] == target.destinationArn.raw else { return (config, nil) }
        failure["Type"] = .string(type)
        fields["OnFailure"] = .object(failure)
        return (.object(fields), target)
    }
}

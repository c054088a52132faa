import AWSLambda
import CloudFormation

/// A mapping as one of its function's SAM `Events`, of its source's Type (`DynamoDB`,
/// `Kinesis`, `SQS`: `EventSource.samEvent`). SAM turns it back into an
/// `AWS::Lambda::EventSourceMapping` named `<Function><EventName>`; the event name is chosen
/// so that this is the mapping's own logical ID (`<Function><Source>Events` by default).
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

    /// - Parameter rendered: the mapping as CloudFormation would read it, overrides applied;
    ///   it is read back as its CfnEventSourceMapping (nil when that cannot be done).
    init?(_ mapping: EventSourceMapping, rendered: TemplateResource, in context: SynthesisContext) {
        guard let deployed = CfnEventSourceMapping(mapping.logicalID, decoding: rendered.properties) else { return nil }
        name = Self.name(of: mapping)
        source = mapping.source.samEvent
        let arn = deployed.eventSourceArn
        let destination = Self.typed(deployed.destinationConfig, onFailure: mapping.onFailure)
        typedDestination = destination.target
        // The source goes under the event's own name for it; the function is the one the
        // event belongs to.
        deployed.eventSourceArn = nil
        deployed.destinationConfig = nil
        var properties = deployed.properties(in: context)
        properties["FunctionName"] = nil
        properties[source.arnProperty] = arn?.raw
        properties["DestinationConfig"] = destination.value
        let order = RenderOrder.eventSourceMapping.replacing("EventSourceArn", with: source.arnProperty)
        value = .object(["Type": .string(source.type), "Properties": .object(order.apply(to: properties))])
    }

    /// The destination config, with the destination's SAM `Type` (`SQS`, `SNS`) beside it,
    /// which makes SAM grant the delivery. Only when the destination is still the typed one
    /// (an override may have changed it, and then its type is unknown) and SAM has a type for it.
    private static func typed(_ config: CfnEventSourceMapping.DestinationConfig?, onFailure: FailureDestination?) -> (value: TemplateValue?, target: (any OnFailureDestination)?) {
        guard let config else { return (nil, nil) }
        guard let target = onFailure?.target, let type = target.samDestinationType,
              let destination = config.onFailure?.destination, destination == target.destinationArn,
              config.templateValue == CfnEventSourceMapping.DestinationConfig(onFailure: .init(destination: destination)).templateValue
        else { return (config.templateValue, nil) }
        return (.object(["OnFailure": .object(["Destination": destination.raw, "Type": .string(type)])]), target)
    }
}

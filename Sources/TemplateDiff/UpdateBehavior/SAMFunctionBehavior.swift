import ResourceCatalog

/// AWS::Serverless::Function has no provider schema. Approximation: a SAM function is
/// assessed as the AWS::Lambda::Function SAM generates (same-named properties, plus the
/// renamed ones below), and its pull events (DynamoDB, SQS, Kinesis, ...) as the
/// AWS::Lambda::EventSourceMapping SAM generates for each. Other SAM-only properties
/// (Policies, AutoPublishAlias, DeploymentPreference, other event types, ...) change
/// generated resources that are not modelled: `.unknown`.
enum SAMFunctionBehavior {
    /// SAM property -> the AWS::Lambda::Function property it becomes.
    static let lambdaPropertyBySAMProperty = [
        "CodeUri": "Code", "InlineCode": "Code", "ImageUri": "Code",
        "Tracing": "TracingConfig", "DeadLetterQueue": "DeadLetterConfig",
    ]

    /// `change.path` starts at the property name.
    static func assess(_ change: ValueChange, logicalID: String, eventTypes: [String: String]) -> ImpactAssessment {
        guard let name = change.path.firstKey else {
            return ImpactAssessment(impact: .unknown, reason: nil)
        }
        if name == "Events" {
            return assessEvent(change, logicalID: logicalID, eventTypes: eventTypes)
        }
        let lambdaName = lambdaPropertyBySAMProperty[name] ?? name
        guard ResourceSchema.named("AWS::Lambda::Function")?.properties.contains(lambdaName) == true else {
            return ImpactAssessment(impact: .unknown, reason: "SAM-only property: changes resources SAM generates (not modelled)")
        }
        let lambdaChange = ValueChange(
            path: PropertyPath([.key(lambdaName)] + change.path.components.dropFirst()), old: change.old, new: change.new)
        let lambda = UpdateBehavior.assessProperty(lambdaChange, type: "AWS::Lambda::Function")
        let via = "as the generated AWS::Lambda::Function's \(lambdaName)"
        return ImpactAssessment(impact: lambda.impact, reason: lambda.reason.map { "\($0), \(via)" } ?? via)
    }

    private static func assessEvent(_ change: ValueChange, logicalID: String, eventTypes: [String: String]) -> ImpactAssessment {
        let components = change.path.components
        guard components.count >= 2, case .key(let eventName) = components[1] else {
            return ImpactAssessment(impact: .unknown, reason: "SAM events: not modelled")
        }
        guard let eventType = eventTypes[eventName], let pull = SAMPullEvent.named(eventType) else {
            return ImpactAssessment(impact: .unknown, reason: "SAM event \(eventName): changes resources SAM generates (not modelled)")
        }
        let mapping = "the generated AWS::Lambda::EventSourceMapping \(logicalID)\(eventName)"
        let rest = Array(components.dropFirst(2))
        if rest.isEmpty {
            return ImpactAssessment(impact: .noInterruption, reason: "SAM \(change.kind == .removed ? "deletes" : "creates") \(mapping)")
        }
        guard case .key("Properties")? = rest.first, rest.count >= 2, case .key(let property) = rest[1] else {
            // The event's Type changed: SAM generates a different resource.
            return ImpactAssessment(impact: .unknown, reason: "SAM event \(eventName): not modelled")
        }
        let mappingProperty = property == pull.sourceArnProperty ? "EventSourceArn" : property
        let mappingChange = ValueChange(
            path: PropertyPath([.key(mappingProperty)] + rest.dropFirst(2)), old: change.old, new: change.new)
        let assessed = UpdateBehavior.assessProperty(mappingChange, type: "AWS::Lambda::EventSourceMapping")
        return ImpactAssessment(
            impact: assessed.impact, reason: [assessed.reason, "in \(mapping)"].compactMap { $0 }.joined(separator: " "))
    }

    /// Event name -> its Type (`DynamoDB`, `SQS`, `Api`, ...), from the new template and, for
    /// removed events, the old one.
    static func eventTypes(old: ParsedResource?, new: ParsedResource?) -> [String: String] {
        var types: [String: String] = [:]
        for resource in [old, new] {
            for (name, event) in resource?.properties["Events"]?.mapValue?.entries ?? [] {
                if let type = event["Type"]?.scalarText { types[name] = type }
            }
        }
        return types
    }
}

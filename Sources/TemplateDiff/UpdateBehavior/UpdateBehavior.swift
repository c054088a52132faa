import ResourceCatalog

/// How CloudFormation applies one change to a resource, from the resource catalog: the
/// provider schemas and the documented exceptions the generator records.
struct ImpactAssessment: Hashable, Sendable {
    let impact: UpdateImpact
    let reason: String?
}

extension UpdateImpact {
    init(_ documented: DocumentedBehavior.Impact) {
        switch documented {
        case .replacement: self = .replacement
        case .noInterruption: self = .noInterruption
        case .someInterruption: self = .someInterruption
        }
    }
}

enum UpdateBehavior {
    /// Resource attributes that CloudFormation applies without calling the resource.
    static let attributesWithoutUpdate: Set<String> = [
        "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "DependsOn", "UpdatePolicy", "CreationPolicy",
    ]

    /// `change.path` starts at the resource: `Properties.X...` or an attribute name.
    static func assess(_ change: ValueChange, logicalID: String, old: ParsedResource, new: ParsedResource) -> ImpactAssessment {
        let type = new.type
        guard let first = change.path.firstKey else {
            return ImpactAssessment(impact: .unknown, reason: nil)
        }
        guard first == "Properties" else {
            // The content hash of local code: the packaged template then names a new zip.
            if CodeHashRule.path.isPrefix(of: change.path) || change.path.isPrefix(of: CodeHashRule.path) && change.path.components.count > 1,
               change.old.flatMap({ CodeHashRule.hash(in: $0, at: change.path) }) != change.new.flatMap({ CodeHashRule.hash(in: $0, at: change.path) }) {
                return ImpactAssessment(impact: .noInterruption, reason: "code changed: the packaged template names a new zip, updated in place")
            }
            if attributesWithoutUpdate.contains(first) {
                return ImpactAssessment(impact: .none, reason: "resource attribute")
            }
            if first == "Condition" {
                return ImpactAssessment(impact: .unknown, reason: "the resource is created or deleted when the condition's value changes")
            }
            return ImpactAssessment(impact: .unknown, reason: "unknown resource attribute")
        }
        let property = ValueChange(path: change.path.dropFirst(), old: change.old, new: change.new)
        if type == "AWS::Serverless::Function" {
            let eventTypes = SAMFunctionBehavior.eventTypes(old: old, new: new)
            return SAMFunctionBehavior.assess(property, logicalID: logicalID, eventTypes: eventTypes)
        }
        return assessProperty(property, type: type)
    }

    /// `change.path` starts at the property name.
    static func assessProperty(_ change: ValueChange, type: String) -> ImpactAssessment {
        let keys = schemaKeys(change.path)
        guard let schema = ResourceSchema.named(type) else {
            return ImpactAssessment(impact: .unknown, reason: "\(type) is not in the resource catalog")
        }
        if let documented = schema.documentedBehavior(at: keys) {
            return ImpactAssessment(impact: UpdateImpact(documented.impact), reason: documented.reason)
        }
        guard let name = keys.first, schema.properties.contains(name) else {
            return ImpactAssessment(impact: .unknown, reason: "not a property of \(type) in its provider schema")
        }
        if let createOnly = schema.createOnly.first(where: { touches(change, $0) }) {
            return ImpactAssessment(impact: .replacement, reason: "\(createOnly.joined(separator: ".")) is create-only")
        }
        if let conditional = schema.conditionalCreateOnly.first(where: { touches(change, $0) }) {
            return ImpactAssessment(
                impact: .unknown, reason: "\(conditional.joined(separator: ".")) may require replacement (conditionally create-only)")
        }
        return ImpactAssessment(impact: .noInterruption, reason: nil)
    }

    /// Property names as the schemas write paths: list items are `*`.
    static func schemaKeys(_ path: PropertyPath) -> [String] {
        path.components.map { component in
            if case .key(let key) = component { return key }
            return "*"
        }
    }

    /// Whether a change affects the schema path `target`: the change is at or under it, or
    /// the change replaces a value that holds it and the value at `target` differs.
    private static func touches(_ change: ValueChange, _ target: [String]) -> Bool {
        let keys = schemaKeys(change.path)
        func matches(_ a: String, _ b: String) -> Bool { a == b || a == "*" || b == "*" }
        if keys.count >= target.count {
            return zip(keys, target).allSatisfy(matches)
        }
        guard zip(keys, target).allSatisfy(matches) else { return false }
        let rest = Array(target.dropFirst(keys.count))
        if rest.contains("*") { return true }  // conservative: not worth resolving list items here
        return value(at: rest, in: change.old) != value(at: rest, in: change.new)
    }

    private static func value(at keys: [String], in value: TemplateValue?) -> TemplateValue? {
        keys.reduce(value) { current, key in current?[key] }
    }
}

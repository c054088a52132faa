import CloudFormation

/// One statement of a policy document.
///
/// Actions render sorted and without duplicates, so that the order of grants does not move
/// lines in the output; resources keep their order (the table before its indexes).
public struct PolicyStatement: Hashable, Sendable {
    public enum Effect: String, Hashable, Sendable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// `Sid`: letters and digits only. Grants give every statement one.
    public var sid: String?
    public var effect: Effect
    /// Only for resource and trust policies; an identity policy has none.
    public var principal: Principal?
    public var actions: ActionScope
    /// nil for trust policies, which name no resource.
    public var resources: ResourceScope?
    public var conditions: [PolicyCondition]

    public init(
        sid: String? = nil,
        effect: Effect = .allow,
        principal: Principal? = nil,
        actions: ActionScope,
        resources: ResourceScope?,
        conditions: [PolicyCondition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
    }

    /// The common case: allow (or deny) these actions on these resources.
    public init(
        sid: String? = nil,
        effect: Effect = .allow,
        principal: Principal? = nil,
        actions: [any IAMAction],
        resources: [Value<String>],
        conditions: [PolicyCondition] = []
    ) {
        self.init(sid: sid, effect: effect, principal: principal, actions: .actions(actions), resources: .resources(resources), conditions: conditions)
    }

    /// The same statement without its Sid: what deduplication compares.
    var withoutSid: PolicyStatement {
        var copy = self
        copy.sid = nil
        return copy
    }

    /// The statement as the template holds it (also what SAM's Policies take).
    public var rendered: TemplateValue {
        // The keys are distinct, so each is appended without searching those before it.
        var fields = Fields()
        fields.appendNew("Sid", sid.map { .string($0) })
        fields.appendNew("Effect", .string(effect.rawValue))
        fields.appendNew("Principal", principal?.rendered)
        fields.appendNew(actions.isExclusion ? "NotAction" : "Action", Self.scalarOrList(actions.names.map { .string($0) }))
        if let resources {
            fields.appendNew(resources.isExclusion ? "NotResource" : "Resource", Self.scalarOrList(resources.values))
        }
        if !conditions.isEmpty {
            fields.appendNew("Condition", conditions.rendered)
        }
        return .object(fields)
    }

    private static func scalarOrList(_ values: [TemplateValue]) -> TemplateValue {
        values.count == 1 ? values[0] : .list(values)
    }
}

/// `Action` or `NotAction`: action names, sorted and deduplicated.
public struct ActionScope: Hashable, Sendable {
    public let names: [String]
    public let isExclusion: Bool

    private init(_ actions: [any IAMAction], isExclusion: Bool) {
        // Sorted, then each run of equal names kept once (the first, as a Set keeps the first
        // inserted: the sort is stable): no Set to hash for a handful of names.
        var sorted = actions.map { $0.actionName }
        sorted.sort()
        var unique: [String] = []
        unique.reserveCapacity(sorted.count)
        for name in sorted where unique.last != name {
            unique.append(name)
        }
        names = unique
        self.isExclusion = isExclusion
    }

    public static func actions(_ actions: [any IAMAction]) -> ActionScope {
        ActionScope(actions, isExclusion: false)
    }

    /// Every action except these. Rarely right in an Allow; validation does not forbid it.
    public static func notActions(_ actions: [any IAMAction]) -> ActionScope {
        ActionScope(actions, isExclusion: true)
    }
}

/// `Resource` or `NotResource`: resource ARNs in the order given, duplicates removed.
public struct ResourceScope: Hashable, Sendable {
    public let values: [TemplateValue]
    public let isExclusion: Bool

    private init(_ values: [Value<String>], isExclusion: Bool) {
        var unique: [TemplateValue] = []
        for value in values where !unique.contains(value.raw) {
            unique.append(value.raw)
        }
        self.values = unique
        self.isExclusion = isExclusion
    }

    public static func resources(_ values: [Value<String>]) -> ResourceScope {
        ResourceScope(values, isExclusion: false)
    }

    public static func notResources(_ values: [Value<String>]) -> ResourceScope {
        ResourceScope(values, isExclusion: true)
    }

    /// `Resource: '*'`, for the actions that have no resource-level permissions
    /// (`dynamodb:ListStreams`): IAM accepts nothing narrower for them.
    public static let all = ResourceScope(["*"], isExclusion: false)

    var isAll: Bool { !isExclusion && values.contains(.string("*")) }
}

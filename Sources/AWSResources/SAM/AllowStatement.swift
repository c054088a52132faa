import CloudFormation

/// A plain Allow statement of a rendered policy document: actions on resources, nothing else
/// that changes what it allows (a Condition only narrows it). What `GeneratedRolePermissions`
/// compares with the permissions SAM's generated role has anyway.
///
/// Policy documents are JSON in CloudFormation's schema, so the generated `CfnRole` carries
/// them as template values: this is their boundary, where one statement is read back into a
/// typed value. A statement with NotAction, NotResource or a Principal, or with an action
/// that is not a literal, reads as nil and is never treated as covered.
struct AllowStatement: Hashable {
    /// Lowercased: IAM compares actions case-insensitively.
    let actions: [String]
    let resources: [TemplateValue]

    init(actions: [String], resources: [TemplateValue]) {
        self.actions = actions.map { $0.lowercased() }
        self.resources = resources
    }

    /// The statements of a typed grant, as they render (Sids and conditions aside).
    init?(_ statement: PolicyStatement) {
        guard statement.effect == .allow, statement.principal == nil, !statement.actions.isExclusion,
              let resources = statement.resources, !resources.isExclusion else { return nil }
        self.init(actions: statement.actions.names, resources: resources.values)
    }

    init?(decoding statement: TemplateValue) {
        guard case .object(let fields) = statement, fields["Effect"] == "Allow",
              fields["NotAction"] == nil, fields["NotResource"] == nil, fields["Principal"] == nil,
              let action = fields["Action"], let resource = fields["Resource"] else { return nil }
        let actions = Self.items(action).map(\.literalString)
        guard !actions.isEmpty, !actions.contains(nil) else { return nil }
        self.init(actions: actions.compactMap { $0 }, resources: Self.items(resource))
    }

    /// The statements of a rendered policy document; nil when it has no list of them.
    static func statements(of document: TemplateValue) -> [TemplateValue]? {
        guard case .object(let fields) = document, case .list(let statements)? = fields["Statement"] else { return nil }
        return statements
    }

    private static func items(_ value: TemplateValue) -> [TemplateValue] {
        if case .list(let items) = value { return items }
        return [value]
    }
}

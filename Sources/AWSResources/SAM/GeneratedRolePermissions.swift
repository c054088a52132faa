import CloudFormation

/// What the role SAM generates for a function allows without being asked: the managed
/// policies it attaches (`SAMManagedPolicy`: one per kind of event source) and, for each
/// event whose on-failure destination has a `Type`, what SAM grants for that type
/// (`OnFailureDestination.samGrantedStatements`).
///
/// A folded role's `Policies` leave out whatever this already allows: repeating it would
/// lengthen the template without changing what the role may do.
struct GeneratedRolePermissions {
    let managedPolicies: [SAMManagedPolicy]
    /// Action (lowercased: IAM compares actions case-insensitively) -> the resources it is allowed on.
    private let destinationGrants: [String: [TemplateValue]]
    private let actionsOnEveryResource: Set<String>

    init(hasVPC: Bool, events: [StreamEvent]) {
        var policies: [SAMManagedPolicy] = [.basicExecution]
        if hasVPC { policies.append(.vpcAccessExecution) }
        for event in events where !policies.contains(event.source.managedPolicy) {
            policies.append(event.source.managedPolicy)
        }
        managedPolicies = policies
        actionsOnEveryResource = Set(policies.flatMap(\.actions).map { $0.lowercased() })
        var grants: [String: [TemplateValue]] = [:]
        for case let destination? in events.map(\.typedDestination) {
            for statement in destination.samGrantedStatements {
                for action in statement.actions.names {
                    grants[action.lowercased(), default: []].append(contentsOf: statement.resources?.values ?? [])
                }
            }
        }
        destinationGrants = grants
    }

    /// Whether the generated role already allows everything the rendered statement allows.
    /// A condition only narrows an Allow, so it does not stop a statement from being covered;
    /// NotAction and NotResource are never treated as covered.
    func covers(statement: TemplateValue) -> Bool {
        guard let fields = statement.objectFields, fields["Effect"] == "Allow",
              fields["NotAction"] == nil, fields["NotResource"] == nil, fields["Principal"] == nil,
              let actionValue = fields["Action"], let resourceValue = fields["Resource"] else { return false }
        let actions = (actionValue.listItems ?? [actionValue]).map { $0.literalString?.lowercased() }
        let resources = resourceValue.listItems ?? [resourceValue]
        return !actions.isEmpty && actions.allSatisfy { action in
            guard let action else { return false }
            if actionsOnEveryResource.contains(action) { return true }
            let allowed = destinationGrants[action] ?? []
            return resources.allSatisfy { allowed.contains($0) }
        }
    }

    /// Whether attaching the managed policy adds nothing: SAM attaches it itself, or it is
    /// AWSLambdaENIManagementAccess, whose ec2 actions AWSLambdaVPCAccessExecutionRole includes.
    func covers(managedPolicy arn: TemplateValue) -> Bool {
        if managedPolicies.contains(where: { $0.policy.arn.raw == arn }) { return true }
        return arn == ManagedPolicy.lambdaENIManagementAccess.arn.raw && managedPolicies.contains(.vpcAccessExecution)
    }
}

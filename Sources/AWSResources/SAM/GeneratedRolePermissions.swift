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
    /// Action (lowercased) -> the resources it is allowed on.
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
            for case let statement? in destination.samGrantedStatements.map(AllowStatement.init) {
                for action in statement.actions {
                    grants[action, default: []].append(contentsOf: statement.resources)
                }
            }
        }
        destinationGrants = grants
    }

    /// Whether the generated role already allows everything the statement allows.
    func covers(_ statement: AllowStatement) -> Bool {
        !statement.actions.isEmpty && statement.actions.allSatisfy { action in
            if actionsOnEveryResource.contains(action) { return true }
            let allowed = destinationGrants[action] ?? []
            return statement.resources.allSatisfy { allowed.contains($0) }
        }
    }

    /// Whether attaching the managed policy adds nothing: SAM attaches it itself, or it is
    /// AWSLambdaENIManagementAccess, whose ec2 actions AWSLambdaVPCAccessExecutionRole includes.
    func covers(managedPolicy arn: Value<String>) -> Bool {
        if managedPolicies.contains(where: { $0.policy.arn == arn }) { return true }
        return arn == ManagedPolicy.lambdaENIManagementAccess.arn && managedPolicies.contains(.vpcAccessExecution)
    }
}

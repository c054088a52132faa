import AWSIAM
import CloudFormation

/// A function's own role (`ExecutionRole.created`) as properties of its SAM function: SAM
/// generates the role `<Function>Role` from them, so the `AWS::IAM::Role` leaves the template.
///
/// It reads the role as it deploys (its `CfnRole`, decoded from the rendered definition with
/// overrides applied):
/// - `Policies`: the managed policies and inline statements the role holds, less what the
///   generated role allows anyway (`GeneratedRolePermissions`). Each inline policy stays one
///   document, so SAM makes one inline policy of it (named `<Function>RolePolicy<n>`).
/// - `AssumeRolePolicyDocument` only when it is not the Lambda trust SAM writes by default.
/// - `Path` becomes `RolePath`; `PermissionsBoundary` stays.
enum FoldedRole {
    /// The SAM function properties for the role, or nil when SAM cannot express it: a role
    /// name, description, session duration or tags (anything beyond what `foldable` keeps),
    /// or resource attributes of its own.
    static func properties(of role: TemplateResource, leavingOut generated: GeneratedRolePermissions, in context: SynthesisContext) -> Fields? {
        guard role.dependsOn.isEmpty, role.condition == nil, role.deletionPolicy == nil,
              role.updateReplacePolicy == nil, role.metadata.isEmpty,
              let deployed = CfnRole(role.logicalID, decoding: role.properties) else { return nil }
        let kept = foldable(deployed)
        guard kept.properties(in: context) == deployed.properties(in: context) else { return nil }

        var policies: [TemplateValue] = []
        if let arns = deployed.managedPolicyArns {
            guard let items = arns.items else { return nil }  // a list given at deploy time
            policies += items.filter { !generated.covers(managedPolicy: $0) }.map(\.raw)
        }
        for policy in deployed.policies ?? [] {
            guard case .object(var document) = policy.policyDocument,
                  let statements = AllowStatement.statements(of: policy.policyDocument) else { return nil }
            let remaining = statements.filter { statement in
                AllowStatement(decoding: statement).map { !generated.covers($0) } ?? true
            }
            guard !remaining.isEmpty else { continue }
            document["Statement"] = .list(remaining)
            policies.append(.object(document))
        }

        var properties = Fields()
        if deployed.assumeRolePolicyDocument != PolicyDocument.trust(.lambda).rendered {
            properties["AssumeRolePolicyDocument"] = deployed.assumeRolePolicyDocument
        }
        properties["RolePath"] = deployed.path?.raw
        properties["PermissionsBoundary"] = deployed.permissionsBoundary?.raw
        if !policies.isEmpty {
            properties["Policies"] = .list(policies)
        }
        return properties
    }

    /// The role with only what a SAM function can take over: if it renders the same as the
    /// whole role, nothing is lost in folding it.
    private static func foldable(_ role: CfnRole) -> CfnRole {
        CfnRole(
            role.logicalID,
            assumeRolePolicyDocument: role.assumeRolePolicyDocument,
            managedPolicyArns: role.managedPolicyArns,
            path: role.path,
            permissionsBoundary: role.permissionsBoundary,
            policies: role.policies
        )
    }
}

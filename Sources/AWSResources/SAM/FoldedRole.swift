import CloudFormation

/// A function's own role (`ExecutionRole.created`) as properties of its SAM function: SAM
/// generates the role `<Function>Role` from them, so the `AWS::IAM::Role` leaves the template.
///
/// - `Policies`: the managed policies and inline statements the role held, less what the
///   generated role allows anyway (`GeneratedRolePermissions`). Each inline policy stays one
///   document, so SAM makes one inline policy of it (named `<Function>RolePolicy<n>`).
/// - `AssumeRolePolicyDocument` only when it is not the Lambda trust SAM writes by default.
/// - `Path` becomes `RolePath`; `PermissionsBoundary` stays.
enum FoldedRole {
    /// The role properties a SAM function can take over.
    private static let foldableKeys: Set<String> = ["AssumeRolePolicyDocument", "ManagedPolicyArns", "Policies", "Path", "PermissionsBoundary"]

    /// The SAM function properties for the rendered role, or nil when SAM cannot express it:
    /// a role name, description, session duration or tags, or resource attributes of its own.
    static func properties(of role: TemplateResource, leavingOut generated: GeneratedRolePermissions) -> Fields? {
        guard role.dependsOn.isEmpty, role.condition == nil, role.deletionPolicy == nil,
              role.updateReplacePolicy == nil, role.metadata.isEmpty,
              role.properties.keys.allSatisfy(foldableKeys.contains) else { return nil }

        var policies: [TemplateValue] = []
        for arn in role.properties["ManagedPolicyArns"]?.listItems ?? [] where !generated.covers(managedPolicy: arn) {
            policies.append(arn)
        }
        for policy in role.properties["Policies"]?.listItems ?? [] {
            guard let document = policy.objectFields?["PolicyDocument"]?.objectFields,
                  let statements = document["Statement"]?.listItems else { return nil }
            let remaining = statements.filter { !generated.covers(statement: $0) }
            guard !remaining.isEmpty else { continue }
            var kept = document
            kept["Statement"] = .list(remaining)
            policies.append(.object(kept))
        }

        var properties = Fields()
        if let trust = role.properties["AssumeRolePolicyDocument"], trust != PolicyDocument.trust(.lambda).rendered {
            properties["AssumeRolePolicyDocument"] = trust
        }
        properties["RolePath"] = role.properties["Path"]
        properties["PermissionsBoundary"] = role.properties["PermissionsBoundary"]
        if !policies.isEmpty {
            properties["Policies"] = .list(policies)
        }
        return properties
    }
}

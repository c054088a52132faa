import CloudFormation

/// An IAM policy document: `Version: '2012-10-17'` (a string: the policy language version,
/// not a date) and its statements, in order.
public struct PolicyDocument: Hashable, Sendable {
    /// The current policy language version; the older `2008-10-17` lacks policy variables.
    public static let version = "2012-10-17"

    public var statements: [PolicyStatement]

    public init(_ statements: [PolicyStatement]) {
        self.statements = statements
    }

    /// The trust policy of a role assumed by a service: `sts:AssumeRole` for that principal.
    public static func trust(_ principal: Principal) -> PolicyDocument {
        PolicyDocument([PolicyStatement(principal: principal, actions: .actions([STSAction.assumeRole]), resources: nil)])
    }

    public var rendered: TemplateValue {
        var fields = Fields()
        fields.appendNew("Version", .string(Self.version))
        fields.appendNew("Statement", .list(statements.map { $0.rendered }))
        return .object(fields)
    }
}

/// What a document is attached to decides which elements it needs.
enum PolicyKind {
    /// A role's inline or managed policy: Resource, no Principal.
    case identity
    /// A resource's own policy (a VPC endpoint's): Principal and Resource.
    case resource
    /// A role's AssumeRolePolicyDocument: Principal, no Resource.
    case trust
}

extension PolicyDocument {
    /// Actions that have no resource-level permissions, so `Resource: '*'` is the only way to
    /// grant them. Any other action on `*` is reported as broader than needed.
    static let actionsWithoutResourceLevelPermissions: Set<String> = [
        DynamoDBAction.listStreams.actionName,
        DynamoDBAction.listTables.actionName,
        EC2Action.describeNetworkInterfaces.actionName,
        EC2Action.describeSecurityGroups.actionName,
        EC2Action.describeSubnets.actionName,
        EC2Action.describeVpcs.actionName,
        LambdaAction.listFunctions.actionName,
        STSAction.getCallerIdentity.actionName,
    ]

    func validate(as kind: PolicyKind, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        if statements.isEmpty {
            context.error(resource, at: path.key("Statement"), "a policy document needs at least one statement")
        }
        // Compared in turn: a document has a handful of statements (IAM's size quota keeps even
        // a large one to a few hundred), too few to pay for hashing each Sid.
        var sids: [String] = []
        sids.reserveCapacity(statements.count)
        for (index, statement) in statements.enumerated() {
            // Built only for a finding: a policy is checked on every synthesis.
            var statementPath: PropertyPath { path.key("Statement").index(index) }
            if let sid = statement.sid {
                if sid.isEmpty || !sid.utf8.allSatisfy(Self.isASCIILetterOrDigit) {
                    context.error(resource, at: statementPath.key("Sid"), "Sid '\(Diagnostic.abbreviated(sid))' may contain only letters and digits")
                }
                if sids.contains(sid) {
                    context.error(resource, at: statementPath.key("Sid"), "Sid '\(Diagnostic.abbreviated(sid))' is used by two statements of the same policy")
                } else {
                    sids.append(sid)
                }
            }
            validateActions(statement, of: resource, at: { statementPath }, in: context)
            switch kind {
            case .identity:
                if statement.principal != nil {
                    context.error(resource, at: statementPath.key("Principal"), "an identity policy names no Principal: the role it is attached to is the principal")
                }
                if statement.resources == nil {
                    context.error(resource, at: statementPath, "the statement needs a Resource")
                }
            case .resource:
                if statement.principal == nil {
                    context.error(resource, at: statementPath, "a resource policy statement needs a Principal")
                }
                if statement.resources == nil {
                    context.error(resource, at: statementPath, "the statement needs a Resource")
                }
            case .trust:
                if statement.principal == nil {
                    context.error(resource, at: statementPath, "a trust policy statement needs a Principal")
                }
                if statement.resources != nil {
                    context.error(resource, at: statementPath.key("Resource"), "a trust policy names no Resource")
                }
            }
            if let scope = statement.resources, scope.values.isEmpty {
                context.error(resource, at: statementPath.key(scope.isExclusion ? "NotResource" : "Resource"), "the statement names no resources")
            }
            if let scope = statement.resources, scope.isAll, statement.effect == .allow, !statement.actions.isExclusion {
                let broad = statement.actions.names.filter { !Self.actionsWithoutResourceLevelPermissions.contains($0) }
                if !broad.isEmpty {
                    context.warning(resource, at: statementPath.key("Resource"), "Resource '*' allows \(broad.joined(separator: ", ")) on every resource; name the resources (only actions without resource-level permissions, such as dynamodb:ListStreams, need '*')")
                }
            }
        }
    }

    private func validateActions(_ statement: PolicyStatement, of resource: Resource, at path: () -> PropertyPath, in context: SynthesisContext) {
        let key = statement.actions.isExclusion ? "NotAction" : "Action"
        let names = statement.actions.names
        if names.isEmpty {
            context.error(resource, at: path().key(key), "the statement has no actions")
        }
        for name in names {
            if Self.hasWildcard(name) {
                context.warning(resource, at: path().key(key), "action '\(Diagnostic.abbreviated(name))' is a wildcard; list the actions the code calls")
            } else if !Self.isServiceAction(name) {
                context.error(resource, at: path().key(key), "action '\(Diagnostic.abbreviated(name))' is not of the form service:Action")
            }
        }
    }

    private static func hasWildcard(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { $0.contains(UInt8(ascii: "*")) }
    }

    /// `service:Action`: one colon, with text on both sides. (On the contiguous bytes: the
    /// generic collection methods on `utf8` cost more than the check.)
    private static func isServiceAction(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
            let after = colon + 1
            return colon != 0 && after != bytes.count && !bytes[after...].contains(UInt8(ascii: ":"))
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

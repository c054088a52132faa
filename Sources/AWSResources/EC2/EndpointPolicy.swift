import CloudFormation

/// The policy of a gateway endpoint.
public struct EndpointPolicy {
    enum Kind {
        case fullAccess
        case tables([any TableResource], actions: [DynamoDBAction], sid: String?)
        case document(PolicyDocument)
    }

    let kind: Kind

    /// No policy: AWS's default, full access to the service through the endpoint.
    public static var fullAccess: EndpointPolicy { EndpointPolicy(kind: .fullAccess) }

    /// Only these DynamoDB tables, for any principal in the VPC (`Principal: '*'`): the
    /// actions on each table's ARN, and on `<arn>/index/*` when the table has indexes and an
    /// action reads through them. Calls to any other table through the endpoint are denied.
    /// - Parameters:
    ///   - actions: the data actions (read and write) by default; narrow them to what the
    ///     VPC's code calls.
    ///   - sid: defaults to `<Table...>Only`.
    public static func tables(_ tables: [any TableResource], actions: [DynamoDBAction] = DynamoDBAction.readData + DynamoDBAction.writeData, sid: String? = nil) -> EndpointPolicy {
        EndpointPolicy(kind: .tables(tables, actions: actions, sid: sid))
    }

    /// A policy written out.
    public static func document(_ document: PolicyDocument) -> EndpointPolicy {
        EndpointPolicy(kind: .document(document))
    }

    /// The document to deploy; nil for AWS's default.
    func document(for endpoint: GatewayEndpoint) -> PolicyDocument? {
        switch kind {
        case .fullAccess:
            return nil
        case .document(let document):
            return document
        case .tables(let tables, let actions, let sid):
            let statement = PolicyStatement(
                sid: sid ?? tables.map(\.logicalID).joined() + "Only",
                principal: .any,
                actions: actions,
                resources: tables.flatMap { $0.resourceARNs(for: actions) }
            )
            return PolicyDocument([statement])
        }
    }

    /// The checks on the typed settings: a table policy on a DynamoDB endpoint, with tables.
    func validateModel(for endpoint: GatewayEndpoint, in context: SynthesisContext) {
        guard case .tables(let tables, _, _) = kind else { return }
        if endpoint.service != .dynamoDB {
            context.error(endpoint, at: PropertyPath.properties / "PolicyDocument", "a policy scoped to DynamoDB tables needs a DynamoDB endpoint, not \(endpoint.service.rawValue)")
        }
        if tables.isEmpty {
            context.error(endpoint, at: PropertyPath.properties / "PolicyDocument", "a policy scoped to tables needs at least one table; use .fullAccess for AWS's default")
        }
    }
}

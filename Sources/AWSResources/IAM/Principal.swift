import CloudFormation

/// Who a resource policy or trust policy applies to.
public struct Principal: Hashable, Sendable {
    let rendered: TemplateValue

    private init(_ rendered: TemplateValue) {
        self.rendered = rendered
    }

    /// `'*'`: anyone. In a VPC endpoint policy it means any principal that reaches the endpoint.
    public static let any = Principal(.string("*"))

    /// An AWS service, e.g. `lambda.amazonaws.com`.
    public static func service(_ names: String...) -> Principal {
        keyed("Service", names.map { .string($0) })
    }

    /// Accounts, users or roles, by ID or ARN.
    public static func aws(_ values: Value<String>...) -> Principal {
        keyed("AWS", values.map(\.raw))
    }

    /// A federated identity provider, e.g. `cognito-identity.amazonaws.com`.
    public static func federated(_ provider: Value<String>) -> Principal {
        keyed("Federated", [provider.raw])
    }

    /// The Lambda service: the principal of every function's execution role.
    public static let lambda = service("lambda.amazonaws.com")

    private static func keyed(_ key: String, _ values: [TemplateValue]) -> Principal {
        Principal(.object(Fields([(key, values.count == 1 ? values[0] : .list(values))])))
    }
}

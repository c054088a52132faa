/// An inline policy of a role: `{PolicyName, PolicyDocument}`.
public struct InlinePolicy: Hashable, Sendable {
    /// 1 to 128 characters of `[A-Za-z0-9+=,.@_-]`, unique within the role.
    public var name: String
    public var document: PolicyDocument

    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}

/// What a Ref, GetAtt or Sub variable points at: a logical ID, and the stack that declared
/// it when the reference was made from a typed object.
///
/// Keeping the owner lets validation tell "no such resource" from "a resource of another
/// stack", and lets cross-stack references become exports and imports.
public struct ReferenceTarget: Hashable, Sendable, CustomStringConvertible {
    public let logicalID: String
    /// The declaring stack's name; nil for a reference written by name, which resolves in
    /// the stack where it is used.
    public let owner: String?

    public init(_ logicalID: String, owner: String? = nil) {
        self.logicalID = logicalID
        self.owner = owner
    }

    /// Pseudo parameters such as `AWS::Region` belong to every stack.
    public var isPseudoParameter: Bool { logicalID.hasPrefix("AWS::") }

    public var description: String { logicalID }
}

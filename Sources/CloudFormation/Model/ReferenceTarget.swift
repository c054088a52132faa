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
    /// What the reference was made from, when a typed object made it; nil for one written by
    /// name. Not part of equality: it describes the target, it does not change which it is.
    public let origin: Origin?

    /// What a typed reference knows about its target, for validation: a reference to a
    /// resource that was never added can say so, and a value's length can be bounded.
    public enum Origin: Hashable, Sendable {
        /// A resource object of this CloudFormation type.
        case resource(type: String)
        /// A parameter; `maximumLength` from its MaxLength or its longest AllowedValue, nil when unbounded.
        case parameter(type: String, maximumLength: Int?)
    }

    public init(_ logicalID: String, owner: String? = nil, origin: Origin? = nil) {
        self.logicalID = logicalID
        self.owner = owner
        self.origin = origin
    }

    public static func == (lhs: ReferenceTarget, rhs: ReferenceTarget) -> Bool {
        lhs.logicalID == rhs.logicalID && lhs.owner == rhs.owner
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(logicalID)
        hasher.combine(owner)
    }

    /// Pseudo parameters such as `AWS::Region` belong to every stack.
    public var isPseudoParameter: Bool { logicalID.hasPrefix("AWS::") }

    public var description: String { logicalID }
}

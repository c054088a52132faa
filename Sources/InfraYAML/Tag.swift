/// A node tag as written in the document, e.g. `!Ref` or `!GetAtt`.
///
/// Only local (`!name`) tags are modelled: CloudFormation uses nothing else, and the
/// parser reports any other tag as it finds it.
public struct Tag: Hashable, Sendable, CustomStringConvertible {
    /// The full tag, including the leading `!`.
    public let name: String

    public init(_ name: String) {
        self.name = name.hasPrefix("!") ? name : "!" + name
    }

    public var description: String { name }
}

/// A sequence node: ordered items, with an optional tag.
public struct Sequence: Hashable, Sendable {
    public var items: [Node]
    public var tag: Tag?

    public init(_ items: [Node] = [], tag: Tag? = nil) {
        self.items = items
        self.tag = tag
    }
}

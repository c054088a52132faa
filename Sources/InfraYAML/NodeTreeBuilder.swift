/// Builds the ``Node`` tree of the events it is handed: the tree-building ``YAMLEventTarget``.
/// Each value joins its mapping through ``Mapping/append(_:_:)`` as soon as it is complete.
public struct NodeTreeBuilder: YAMLEventTarget {
    /// An open collection. A struct rather than an enum: its fields are changed in place.
    private struct Frame {
        let isMapping: Bool
        var mapping: Mapping
        var items: [Node] = []
        var sequenceTag: Tag?
        var pendingKey: String?
    }

    private var frames: [Frame] = []
    private var root: Node?

    public init() {}

    /// The tree, once its root is complete.
    public consuming func finish() throws(YAMLError) -> Node {
        guard frames.isEmpty, let root else { throw YAMLError.invalid("the document is incomplete", mark: nil) }
        return root
    }

    public mutating func beginMapping(tag: Tag?, expectedKeys: Int) throws(YAMLError) {
        var mapping = Mapping(tag: tag)
        mapping.reserveCapacity(expectedKeys)
        frames.append(Frame(isMapping: true, mapping: mapping))
    }

    public mutating func key(_ key: String) throws(YAMLError) {
        guard let last = frames.indices.last, frames[last].isMapping, frames[last].pendingKey == nil else {
            throw YAMLError.invalid("a mapping key outside a mapping, or after a key", mark: nil)
        }
        frames[last].pendingKey = key
    }

    public mutating func endMapping() throws(YAMLError) {
        guard let frame = frames.popLast(), frame.isMapping, frame.pendingKey == nil else {
            throw YAMLError.invalid("a mapping end that closes no mapping, or after a key", mark: nil)
        }
        try deliver(.mapping(frame.mapping))
    }

    public mutating func beginSequence(tag: Tag?) throws(YAMLError) {
        frames.append(Frame(isMapping: false, mapping: Mapping(), sequenceTag: tag))
    }

    public mutating func endSequence() throws(YAMLError) {
        guard let frame = frames.popLast(), !frame.isMapping else {
            throw YAMLError.invalid("a sequence end that closes no sequence", mark: nil)
        }
        try deliver(.sequence(Sequence(frame.items, tag: frame.sequenceTag)))
    }

    public mutating func scalar(_ scalar: Scalar) throws(YAMLError) {
        try deliver(.scalar(scalar))
    }

    private mutating func deliver(_ node: consuming Node) throws(YAMLError) {
        guard let last = frames.indices.last else {
            guard root == nil else { throw YAMLError.invalid("a second root node", mark: nil) }
            root = node
            return
        }
        if !frames[last].isMapping {
            frames[last].items.append(node)
            return
        }
        guard let key = frames[last].pendingKey else {
            throw YAMLError.invalid("a mapping value without its key", mark: nil)
        }
        frames[last].pendingKey = nil
        try frames[last].mapping.append(key, node)
    }
}

/// A mapping node whose keys are strings, kept in insertion order.
///
/// A duplicate key is an error: YAML forbids it, and CloudFormation readers differ in
/// which of the two values they keep.
public struct Mapping: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let key: String
        public var value: Node
    }

    public private(set) var entries: [Entry] = []
    public var tag: Tag?
    private var indexByKey: [String: Int] = [:]

    public init(tag: Tag? = nil) {
        self.tag = tag
    }

    /// A mapping of the given pairs, in order; throws on a duplicate key.
    public init(_ pairs: [(String, Node)], tag: Tag? = nil) throws(YAMLError) {
        self.tag = tag
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            try append(key, value)
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// Adds a key at the end; throws when the key is already present.
    public mutating func append(_ key: String, _ value: Node) throws(YAMLError) {
        if indexByKey[key] != nil {
            throw YAMLError.duplicateKey(key, mark: nil)
        }
        indexByKey[key] = entries.count
        entries.append(Entry(key: key, value: value))
    }

    public subscript(key: String) -> Node? {
        guard let index = indexByKey[key] else { return nil }
        return entries[index].value
    }

    // Equality and hashing follow the entries (order included) and the tag;
    // the index is derived from the entries.
    public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
        lhs.tag == rhs.tag && lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        hasher.combine(entries)
    }
}

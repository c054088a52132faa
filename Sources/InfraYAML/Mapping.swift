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
    private var indexByKey: [ExactKey: Int] = [:]

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
        if indexByKey[ExactKey(key)] != nil {
            throw YAMLError.duplicateKey(key, mark: nil)
        }
        indexByKey[ExactKey(key)] = entries.count
        entries.append(Entry(key: key, value: value))
    }

    public subscript(key: String) -> Node? {
        guard let index = indexByKey[ExactKey(key)] else { return nil }
        return entries[index].value
    }

    // Equality and hashing follow the entries (order included) and the tag, with keys
    // compared by code points, as the index compares them; the index is derived state.
    public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
        lhs.tag == rhs.tag && lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { ExactKey($0.key) == ExactKey($1.key) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(ExactKey(entry.key))
            hasher.combine(entry.value)
        }
    }
}

/// A key compared by its exact code points: YAML readers treat canonically equivalent
/// spellings ("é" and "e" + combining accent) as different keys, while `String` equates them.
private struct ExactKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
    }
}

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
    /// Built only when the mapping outgrows `linearSearchLimit`: most mappings of a template
    /// have a handful of keys, and comparing a few keys costs less than hashing every key
    /// of every mapping (it was most of the time of building a parsed or rendered tree).
    private var indexByKey: [ExactKey: Int]?

    /// Up to this many entries a key is found by comparing it with each key in turn.
    private static let linearSearchLimit = 12

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

    /// Makes room for `count` entries, so that a renderer that knows its key count does not
    /// grow the entries (and the index beyond `linearSearchLimit`) step by step.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        indexByKey?.reserveCapacity(count)
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// Adds a key at the end; throws when the key is already present.
    public mutating func append(_ key: String, _ value: consuming Node) throws(YAMLError) {
        if index(of: key) != nil {
            throw YAMLError.duplicateKey(key, mark: nil)
        }
        entries.append(Entry(key: key, value: value))
        if indexByKey != nil {
            indexByKey![ExactKey(key)] = entries.count - 1
        } else if entries.count > Self.linearSearchLimit {
            var index: [ExactKey: Int] = [:]
            index.reserveCapacity(Swift.max(entries.capacity, entries.count * 2))
            for (position, entry) in entries.enumerated() { index[ExactKey(entry.key)] = position }
            indexByKey = index
        }
    }

    public subscript(key: String) -> Node? {
        guard let index = index(of: key) else { return nil }
        return entries[index].value
    }

    private func index(of key: String) -> Int? {
        if let indexByKey { return indexByKey[ExactKey(key)] }
        return entries.firstIndex { ExactKey.same($0.key, key) }
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
struct ExactKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        same(lhs.text, rhs.text)
    }

    /// Same code points. `String`'s `==` is a quick no for different keys (equal code points
    /// are always canonically equivalent); only a yes is confirmed byte by byte.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs == rhs && lhs.utf8.elementsEqual(rhs.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

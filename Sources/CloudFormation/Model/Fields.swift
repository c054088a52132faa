/// String-keyed fields in the order they were set: a resource's properties, a policy
/// statement, a Sub variable map. Order is kept because reviewers read the output.
public struct Fields: Hashable, Sendable {
    public private(set) var entries: [(key: String, value: TemplateValue)] = []

    public init() {}

    /// Fields from pairs; a later pair with the same key replaces the earlier value in place.
    public init(_ pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    /// Reading gives the value for a key; writing replaces it in place, appends a new key,
    /// or removes the key when set to nil, so optional settings can be assigned directly.
    public subscript(key: String) -> TemplateValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return entries[index].value
        }
        set {
            let index = index(of: key)
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): append(key, value)
            case (nil, nil): break
            }
        }
    }

    /// The position of `key`. The byte counts, known without reading the text, are compared
    /// first: most keys compared differ, and most in length.
    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }

    /// Makes room for `count` entries, for a renderer that knows how many it writes.
    package mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Appends a key these fields do not hold yet; nil adds nothing. For renderers whose keys
    /// are distinct by construction (the generated L1 classes, one key per schema property):
    /// the subscript searches the entries on every write, which rendering paid per property.
    package mutating func appendNew(_ key: String, _ value: TemplateValue?) {
        guard let value else { return }
        assert(!entries.contains { $0.key == key }, "appendNew: '\(key)' is already set")
        append(key, value)
    }

    /// Room for 8 entries at the first: an object of a template has a handful of keys, which
    /// otherwise took four or five reallocations (1, 2, 4, 8, 16) as it grew.
    private mutating func append(_ key: String, _ value: TemplateValue) {
        if entries.capacity == 0 { entries.reserveCapacity(8) }
        entries.append((key, value))
    }

    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension Fields: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

/// A template value as CloudFormation sees it, independent of how it was written.
///
/// Scalars keep only their canonical text (`'1'` and `1` are the same value), mappings
/// compare regardless of key order, and every intrinsic is in one normal form whether it
/// was written short (`!GetAtt A.B`) or long (`{Fn::GetAtt: [A, B]}`).
public indirect enum TemplateValue: Hashable, Sendable {
    case scalar(String)
    case list([TemplateValue])
    case map(TemplateMap)
    /// `name` is the long-form key: `Ref`, `Condition` or `Fn::Something`.
    case intrinsic(name: String, argument: TemplateValue)

    /// The text of a scalar.
    public var scalarText: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    public var mapValue: TemplateMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    public var listValue: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The value at a key, when this is a mapping.
    public subscript(key: String) -> TemplateValue? {
        mapValue?[key]
    }
}

/// A mapping that remembers its key order (for output) but compares without it.
///
/// Keys and values are kept side by side; a key is found by comparing it with each key in
/// turn up to `linearSearchLimit` keys, and through a dictionary beyond. Most mappings of a
/// template have a handful of keys, and a dictionary for each of them was most of the cost of
/// reading a template for comparison.
public struct TemplateMap: Hashable, Sendable {
    public private(set) var keys: [String] = []
    /// `values[i]` belongs to `keys[i]`.
    private var values: [TemplateValue] = []
    /// Position of each key, built only when the map outgrows `linearSearchLimit`.
    private var indexByKey: [String: Int]?

    private static let linearSearchLimit = 12

    public init() {}

    public init(_ pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Makes room for `count` keys: a parsed mapping's size is known before its keys are added.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    public var entries: [(key: String, value: TemplateValue)] {
        Array(zip(keys, values))
    }

    public subscript(key: String) -> TemplateValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let newValue {
                set(key, newValue)
            } else if let index = index(of: key) {
                keys.remove(at: index)
                values.remove(at: index)
                if indexByKey != nil { rebuildIndex() }
            }
        }
    }

    /// Replaces the key's value in place, or adds the key at the end: the subscript's setter
    /// without the optional.
    mutating func set(_ key: String, _ value: TemplateValue) {
        if let index = index(of: key) {
            values[index] = value
            return
        }
        keys.append(key)
        values.append(value)
        if indexByKey != nil {
            indexByKey![key] = keys.count - 1
        } else if keys.count > Self.linearSearchLimit {
            rebuildIndex()
        }
    }

    private func index(of key: String) -> Int? {
        if let indexByKey { return indexByKey[key] }
        return keys.firstIndex(of: key)
    }

    private mutating func rebuildIndex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(Swift.max(keys.capacity, keys.count * 2))
        for (position, key) in keys.enumerated() { index[key] = position }
        indexByKey = index
    }

    // Key order is presentation only: CloudFormation ignores it. Same keys (as `String`
    // compares them) with equal values, as the dictionary this map used to be compared.
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (position, key) in lhs.keys.enumerated() {
            guard let other = rhs[key], other == lhs.values[position] else { return false }
        }
        return true
    }

    /// Independent of key order, as `Dictionary` hashes: each entry hashed on its own, combined
    /// by exclusive or.
    public func hash(into hasher: inout Hasher) {
        var commutative = 0
        for (position, key) in keys.enumerated() {
            var entry = Hasher()
            entry.combine(key)
            entry.combine(values[position])
            commutative ^= entry.finalize()
        }
        hasher.combine(commutative)
    }
}

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
public struct TemplateMap: Hashable, Sendable {
    public private(set) var keys: [String] = []
    private var values: [String: TemplateValue] = [:]

    public init() {}

    public init(_ pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Makes room for `count` keys: a parsed mapping's size is known before its keys are
    /// added, and growing the dictionary step by step was a sixth of comparing two templates.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    public var entries: [(key: String, value: TemplateValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    // Key order is presentation only: CloudFormation ignores it.
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}

/// What CloudFormation does to a resource for a change, mildest first.
public enum UpdateImpact: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// No call to the resource at all (e.g. a DeletionPolicy or Metadata change).
    case none
    /// Updated in place, no interruption.
    case noInterruption
    /// Updated in place with some interruption.
    case someInterruption
    /// Not known from the schemas or the documentation: check before deploying.
    case unknown
    /// A new physical resource is created and the old one deleted.
    case replacement

    public static func < (lhs: UpdateImpact, rhs: UpdateImpact) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// For people: `in place`, `replacement`, ...
    public var label: String {
        switch self {
        case .none: "no update"
        case .noInterruption: "in place"
        case .someInterruption: "some interruption"
        case .unknown: "unknown"
        case .replacement: "replacement"
        }
    }

    /// For machines (the JSON format).
    public var identifier: String {
        switch self {
        case .none: "none"
        case .noInterruption: "noInterruption"
        case .someInterruption: "someInterruption"
        case .unknown: "unknown"
        case .replacement: "replacement"
        }
    }
}

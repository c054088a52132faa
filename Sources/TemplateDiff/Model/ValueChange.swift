/// Whether something was added, removed or modified.
public enum ChangeKind: String, Hashable, Sendable {
    case added, removed, modified

    var symbol: String {
        switch self {
        case .added: "+"
        case .removed: "-"
        case .modified: "~"
        }
    }
}

/// One difference between two values: the value at `path` went from `old` to `new`
/// (`nil` = absent on that side).
public struct ValueChange: Hashable, Sendable {
    public let path: PropertyPath
    public let old: TemplateValue?
    public let new: TemplateValue?

    public init(path: PropertyPath, old: TemplateValue?, new: TemplateValue?) {
        self.path = path
        self.old = old
        self.new = new
    }

    public var kind: ChangeKind {
        if old == nil { return .added }
        if new == nil { return .removed }
        return .modified
    }
}

/// Everything that differs between the previous and the new template of one stack,
/// and what CloudFormation will make of it.
public struct StackDiff: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// No previous template: the stack will be created.
        case added
        /// No new template: the stack is gone from the app.
        case removed
        case modified
        case unchanged
    }

    public let stack: String
    public let status: Status
    /// Changes outside Resources, section by section in template order.
    public let entries: [EntryChange]
    public let resources: [ResourceChange]
    /// Most serious first.
    public let findings: [Finding]

    public var hasChanges: Bool { status != .unchanged }
}

/// A changed entry of a section other than Resources: a parameter, an output, a
/// condition, a mapping, or a whole single-value section (Description, Transform).
public struct EntryChange: Hashable, Sendable {
    /// `Parameters`, `Outputs`, `Description`, ...
    public let section: String
    /// The entry's name; for a single-value section, the section name.
    public let name: String
    public let kind: ChangeKind
    /// For `.modified`, the differences inside the entry; otherwise one change at the root.
    public let changes: [ValueChange]
}

/// An added, removed or modified resource.
public struct ResourceChange: Hashable, Sendable {
    public let logicalID: String
    /// The new type, or the old one for a removed resource.
    public let type: String
    /// Set when the type itself changed.
    public let oldType: String?
    public let kind: ChangeKind
    /// Property and attribute changes of a modified resource, in template order. Paths
    /// start at the resource: `Properties.TableName`, `DeletionPolicy`.
    public let changes: [PropertyChange]

    /// The most disruptive impact of the changes; `nil` for added and removed resources.
    public var impact: UpdateImpact? {
        guard kind == .modified else { return nil }
        if oldType != nil { return .replacement }
        return changes.map(\.impact).max() ?? UpdateImpact.none
    }
}

/// One change inside a resource and how CloudFormation applies it.
public struct PropertyChange: Hashable, Sendable {
    public let change: ValueChange
    public let impact: UpdateImpact
    /// Why this impact, when it is not plain "in place per the schema".
    public let reason: String?

    public var path: PropertyPath { change.path }
    public var old: TemplateValue? { change.old }
    public var new: TemplateValue? { change.new }
}

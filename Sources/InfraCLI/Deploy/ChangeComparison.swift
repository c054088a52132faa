import ResourceCatalog
import TemplateDiff

/// Our diff of a stack beside CloudFormation's change set, resource by resource, with the
/// places where the two disagree.
struct ChangeComparison: Equatable {
    struct Row: Equatable {
        var logicalID: String
        var type: String
        /// What our diff says: `add`, `remove`, `in place`, `replacement (TableName)`, or `-`.
        var ours: String
        /// What the change set says: `Modify, Replacement True, Scope Properties: TableName (Always)`.
        var theirs: String
        /// Why the two disagree, when they do.
        var disagreement: String?
    }

    var rows: [Row]

    var disagreements: [Row] { rows.filter { $0.disagreement != nil } }

    init(ours: StackDiff?, theirs: [ResourceChangeInfo]) {
        let ourChanges = ours?.resources ?? []
        var ids: [String] = []
        for id in ourChanges.map(\.logicalID) + theirs.map(\.logicalID) where !ids.contains(id) { ids.append(id) }
        rows = ids.map { id in
            let mine = ourChanges.first { $0.logicalID == id }
            let cloud = theirs.first { $0.logicalID == id }
            return Row(logicalID: id, type: cloud?.type ?? mine?.type ?? "?",
                       ours: mine.map(Self.describe) ?? "-", theirs: cloud.map(Self.describe) ?? "-",
                       disagreement: Self.disagreement(mine, cloud))
        }
    }

    static func describe(_ change: ResourceChange) -> String {
        switch change.kind {
        case .added: return "add"
        case .removed: return "remove"
        case .modified:
            let impact = change.impact ?? .none
            let causes = change.changes.filter { $0.impact == impact }.map { propertyName($0.path) }
            let unique = causes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return impact.label + (unique.isEmpty || impact == .none ? "" : " (" + unique.joined(separator: ", ") + ")")
        }
    }

    static func describe(_ change: ResourceChangeInfo) -> String {
        var parts = [change.action]
        if change.action == "Modify" {
            parts.append("Replacement " + (change.replacement ?? "?"))
        }
        if !change.scope.isEmpty {
            let properties = change.details.compactMap { detail -> String? in
                guard detail.attribute == "Properties", let name = detail.name else { return nil }
                let recreation = detail.requiresRecreation.map { $0 == "Never" ? "" : " (\($0))" } ?? ""
                return name + recreation
            }
            let unique = properties.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            parts.append("Scope " + change.scope.joined(separator: ", ") + (unique.isEmpty ? "" : ": " + unique.joined(separator: ", ")))
        }
        return parts.joined(separator: ", ")
    }

    /// `TableName` for `Properties.TableName`; the path as it is otherwise.
    static func propertyName(_ path: PropertyPath) -> String {
        path.firstKey == "Properties" && path.components.count > 1 ? path.dropFirst().description : path.description
    }

    static func disagreement(_ ours: ResourceChange?, _ theirs: ResourceChangeInfo?) -> String? {
        switch (ours, theirs) {
        case (nil, nil):
            return nil
        case (nil, let theirs?):
            return theirs.action == "Dynamic" ? nil
                : "only CloudFormation changes it (a parameter value, a referenced resource or a dynamic reference)"
        case (let ours?, nil):
            if ours.kind == .modified && (ours.impact ?? .none) == .none { return nil }
            return "CloudFormation does not change it"
        case (let ours?, let theirs?):
            let expected = switch ours.kind {
            case .added: "Add"
            case .removed: "Remove"
            case .modified: "Modify"
            }
            guard theirs.action == expected else {
                return "we expect \(expected), CloudFormation says \(theirs.action)"
            }
            guard ours.kind == .modified, let replacement = theirs.replacement else { return nil }
            let impact = ours.impact ?? .none
            switch (impact, replacement) {
            case (.replacement, "False"):
                return "we expect a replacement, CloudFormation updates in place"
            case (.noInterruption, "True"), (.someInterruption, "True"), (.none, "True"):
                return "CloudFormation replaces it; we expect an update in place"
            case (.noInterruption, "Conditional"), (.someInterruption, "Conditional"), (.none, "Conditional"):
                return "CloudFormation may replace it (Conditional); we expect an update in place"
            default:
                return nil
            }
        }
    }

    /// The changes that replace (or may replace) a stateful resource, by CloudFormation's
    /// answer; a type the catalog does not know counts as stateful.
    static func statefulReplacements(_ changes: [ResourceChangeInfo]) -> [ResourceChangeInfo] {
        changes.filter { change in
            change.action == "Modify" && (change.replacement == "True" || change.replacement == "Conditional")
                && (ResourceCatalog.type(named: change.type)?.isStateful ?? true)
        }
    }
}

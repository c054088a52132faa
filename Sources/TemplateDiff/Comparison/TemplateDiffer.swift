import InfraYAML

/// Compares the previous and the new template of a stack.
public enum TemplateDiffer {
    /// `old == nil`: the stack is new. `new == nil`: the stack is no longer in the app.
    public static func diff(stack: String, old: TemplateDocument?, new: TemplateDocument?) -> StackDiff {
        let entries = SectionComparison.entries(old: old, new: new)
        let resources = resourceChanges(old: old, new: new)
        let status: StackDiff.Status
        switch (old, new) {
        case (nil, _): status = .added
        case (_, nil): status = .removed
        default: status = entries.isEmpty && resources.isEmpty ? .unchanged : .modified
        }
        let context = RuleContext(stack: stack, old: old, new: new, resources: resources, entries: entries)
        return StackDiff(
            stack: stack, status: status, entries: entries, resources: resources, findings: Rules.findings(in: context))
    }

    static func resourceChanges(old: TemplateDocument?, new: TemplateDocument?) -> [ResourceChange] {
        let logicalIDs = ValueComparison.orderedUnion(old?.resourceOrder ?? [], new?.resourceOrder ?? [])
        return logicalIDs.compactMap { logicalID in
            switch (old?.resources[logicalID], new?.resources[logicalID]) {
            case (nil, let added?):
                return ResourceChange(logicalID: logicalID, type: added.type, oldType: nil, kind: .added, changes: [])
            case (let removed?, nil):
                return ResourceChange(logicalID: logicalID, type: removed.type, oldType: nil, kind: .removed, changes: [])
            case (let before?, let after?):
                return modifiedResource(logicalID, before, after)
            case (nil, nil):
                return nil
            }
        }
    }

    private static func modifiedResource(_ logicalID: String, _ old: ParsedResource, _ new: ParsedResource) -> ResourceChange? {
        guard old != new else { return nil }
        let valueChanges =
            ValueComparison.changes(
                from: .map(old.properties), to: .map(new.properties), at: PropertyPath([.key("Properties")]))
            + ValueComparison.changes(from: .map(old.attributes), to: .map(new.attributes))
        let changes = valueChanges.map { change in
            let assessed = UpdateBehavior.assess(change, logicalID: logicalID, old: old, new: new)
            return PropertyChange(change: change, impact: assessed.impact, reason: assessed.reason)
        }
        return ResourceChange(
            logicalID: logicalID, type: new.type, oldType: old.type == new.type ? nil : old.type,
            kind: .modified, changes: changes)
    }
}

/// Replaced resources: a replacement, a failure when a fixed name is kept, a data loss
/// when a stateful resource is replaced without UpdateReplacePolicy: Retain.
enum ReplacementRule {
    static func findings(in context: RuleContext) -> [Finding] {
        context.changes(.modified).flatMap { change -> [Finding] in
            guard let old = context.oldResource(change.logicalID), let new = context.newResource(change.logicalID) else {
                return []
            }
            if let oldType = change.oldType {
                return [Finding(.willFail, change.logicalID,
                    "its Type changes from \(oldType) to \(change.type): CloudFormation cannot change the type of a resource. Give the new resource another logical ID.")]
            }
            let replacing = change.changes.filter { $0.impact == .replacement }
            guard !replacing.isEmpty else { return [] }
            // A SAM function is not replaced for its events: SAM's generated mapping is.
            if change.type == "AWS::Serverless::Function",
               replacing.allSatisfy({ $0.path.dropFirst().firstKey == "Events" }) {
                let events = ValueComparison.orderedUnion([], replacing.compactMap { $0.path.dropFirst(2).firstKey })
                return events.map { event in
                    Finding(.replacement, change.logicalID,
                        "SAM replaces the event source mapping it generates for Events.\(event) (\(change.logicalID)\(event)); the function itself is updated in place.")
                }
            }
            return findings(for: change.logicalID, old: old, new: new, because: reasons(replacing))
        }
    }

    private static func reasons(_ changes: [PropertyChange]) -> String {
        var seen = Set<String>()
        return changes.compactMap { $0.reason ?? Display.path($0.path) }
            .filter { seen.insert($0).inserted }
            .joined(separator: "; ")
    }

    private static func findings(for logicalID: String, old: ParsedResource, new: ParsedResource, because reasons: String) -> [Finding] {
        if let name = PhysicalName.of(new), PhysicalName.of(old)?.value == name.value {
            return [Finding(.willFail, logicalID,
                "it must be replaced (\(reasons)) but keeps its fixed \(name.property) \(name.value.compact): CloudFormation creates the replacement before deleting the old one and cannot while the name is taken. Change or remove \(name.property).")]
        }
        let oldName = PhysicalName.of(old).map { " \($0.value.compact)" } ?? ""
        let newName = PhysicalName.of(new).map { " \($0.value.compact)" } ?? ""
        let created = "CloudFormation creates a new \(new.type)\(newName) and points references to it"
        guard Retention.isStateful(new.type) else {
            return [Finding(.replacement, logicalID, "replaced (\(reasons)): \(created), then deletes the old one\(oldName).")]
        }
        let data = Retention.data(of: new.type)
        if Retention.keptOnReplace(new) {
            return [Finding(.replacement, logicalID,
                "replaced (\(reasons)): \(created); the old one\(oldName) is kept outside the stack (UpdateReplacePolicy: \(new.updateReplacePolicy ?? "")) with its \(data), and the new one starts without them.")]
        }
        return [
            Finding(.replacement, logicalID, "replaced (\(reasons)): \(created), then deletes the old one\(oldName)."),
            Finding(.dataLoss, logicalID,
                "replacing it deletes the old \(new.type)\(oldName) and its \(data): set UpdateReplacePolicy: Retain to keep it."),
        ]
    }
}

/// Removed resources: data loss without DeletionPolicy: Retain, logical-ID renames (which
/// CloudFormation sees as a removal plus an addition), and fixed names taken over by a new
/// logical ID (the addition fails: it is created while the old resource still exists).
enum RemovalRule {
    static func findings(in context: RuleContext) -> [Finding] {
        let removed = context.changes(.removed).compactMap { change in
            context.oldResource(change.logicalID).map { (change.logicalID, $0) }
        }
        let added = context.changes(.added).compactMap { change in
            context.newResource(change.logicalID).map { (change.logicalID, $0) }
        }
        var findings: [Finding] = []
        for (logicalID, resource) in removed where Retention.isStateful(resource.type) {
            let data = Retention.data(of: resource.type)
            if Retention.keptOnDelete(resource) {
                findings.append(Finding(.note, logicalID,
                    "removed from the stack but kept (DeletionPolicy: \(resource.deletionPolicy ?? "")): it stays in the account with its \(data), unmanaged."))
            } else {
                findings.append(Finding(.dataLoss, logicalID,
                    "removing it deletes the \(resource.type) and its \(data): set DeletionPolicy: Retain first to keep it."))
            }
        }
        for (newID, newResource) in added {
            guard let (oldID, oldResource) = renameSource(of: newID, newResource, removed: removed, added: added) else {
                continue
            }
            var message = "looks like \(oldID) under a new logical ID: CloudFormation does not rename, it creates \(newID) and deletes \(oldID)"
            if Retention.isStateful(newResource.type) {
                let data = Retention.data(of: newResource.type)
                message += Retention.keptOnDelete(oldResource)
                    ? "; \(newID) starts without the \(data), which stay with the retained \(oldID)"
                    : "; \(newID) starts without the \(data), which are deleted with \(oldID)"
            }
            findings.append(Finding(.note, newID, message + "."))
            if let name = PhysicalName.of(newResource), PhysicalName.of(oldResource)?.value == name.value {
                let retained = Retention.keptOnDelete(oldResource) ? ", and with DeletionPolicy: \(oldResource.deletionPolicy ?? "") never deletes it" : ""
                findings.append(Finding(.willFail, newID,
                    "its \(name.property) \(name.value.compact) is still held by \(oldID): CloudFormation creates \(newID) before deleting \(oldID)\(retained). Keep the logical ID \(oldID), or change the name."))
            }
        }
        return findings
    }

    /// The removed resource an added one most likely renames: the same type and the same
    /// fixed name or the same properties; failing that, the only removed resource of its
    /// type when it is also the only added one.
    private static func renameSource(
        of logicalID: String, _ resource: ParsedResource,
        removed: [(String, ParsedResource)], added: [(String, ParsedResource)]
    ) -> (String, ParsedResource)? {
        let candidates = removed.filter { $0.1.type == resource.type }
        if let name = PhysicalName.of(resource),
           let match = candidates.first(where: { PhysicalName.of($0.1)?.value == name.value }) {
            return match
        }
        if let match = candidates.first(where: { $0.1.properties == resource.properties }) {
            return match
        }
        let addedOfType = added.filter { $0.1.type == resource.type }
        return candidates.count == 1 && addedOfType.count == 1 ? candidates[0] : nil
    }
}

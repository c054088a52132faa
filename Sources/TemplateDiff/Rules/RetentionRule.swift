/// A stateful resource that loses its protection: DeletionPolicy or UpdateReplacePolicy no
/// longer keeps it. Nothing is deleted by this update, but the next removal or replacement
/// deletes the data, so a reviewer must accept it.
enum RetentionRule {
    static func findings(in context: RuleContext) -> [Finding] {
        context.changes(.modified).flatMap { change -> [Finding] in
            guard let old = context.oldResource(change.logicalID), let new = context.newResource(change.logicalID),
                  old.type == new.type, Retention.isStateful(new.type) else { return [] }
            let data = Retention.data(of: new.type)
            var findings: [Finding] = []
            if Retention.keptOnDelete(old) && !Retention.keptOnDelete(new) {
                findings.append(Finding(.retentionRemoved, change.logicalID,
                    "DeletionPolicy changes from \(old.deletionPolicy ?? "") to \(new.deletionPolicy ?? "Delete (the default)"): removing the resource from the stack, or deleting the stack, will then delete the \(new.type) and its \(data). Keep \(old.deletionPolicy ?? ""), or accept it with --allow-replacement \(change.logicalID)."))
            }
            if Retention.keptOnReplace(old) && !Retention.keptOnReplace(new) {
                findings.append(Finding(.retentionRemoved, change.logicalID,
                    "UpdateReplacePolicy changes from \(old.updateReplacePolicy ?? "") to \(new.updateReplacePolicy ?? "Delete (the default)"): a later replacement will delete the old \(new.type) and its \(data). Keep \(old.updateReplacePolicy ?? ""), or accept it with --allow-replacement \(change.logicalID)."))
            }
            return findings
        }
    }
}

import ResourceCatalog

/// Changes to resources of a type the catalog does not have (a custom resource, a module, a
/// type newer than the pinned schemas): what CloudFormation does with them is unknown, so
/// they are never reported as safe. Additions are not flagged: creating deletes nothing.
enum UncatalogedTypeRule {
    static func findings(in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for change in context.changes(.modified) where change.oldType == nil && ResourceSchema.named(change.type) == nil
            && change.changes.contains(where: { $0.impact > .none }) {
            findings.append(Finding(.cannotJudge, change.logicalID,
                "\(notInCatalog(change.type)): infra cannot tell whether this change updates it, replaces it or loses data. Check what the change does, then accept it with --allow-replacement \(change.logicalID)."))
        }
        for change in context.changes(.removed) {
            guard let resource = context.oldResource(change.logicalID), ResourceSchema.named(resource.type) == nil,
                  !Retention.keptOnDelete(resource) else { continue }
            findings.append(Finding(.cannotJudge, change.logicalID,
                "removed, and \(notInCatalog(resource.type)): infra cannot tell what deleting it loses. Check it (or set DeletionPolicy: Retain first), then accept it with --allow-replacement \(change.logicalID)."))
        }
        return findings
    }

    private static func notInCatalog(_ type: String) -> String {
        "\(type) is not in the resource catalog (cfn-lint \(CatalogSource.cfnLintVersion) schemas)"
    }
}

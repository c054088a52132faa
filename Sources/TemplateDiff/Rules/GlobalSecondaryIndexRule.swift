/// DynamoDB global secondary indexes on a table that is updated in place. CloudFormation
/// (like DynamoDB's UpdateTable) creates or deletes at most one index per update, and an
/// existing index can change only its throughput and contributor insights.
enum GlobalSecondaryIndexRule {
    /// Index properties that an update may change in place; any other change of an
    /// index under the same name is rejected.
    static let updatableIndexProperties: Set<String> = [
        "ProvisionedThroughput", "ContributorInsightsSpecification", "OnDemandThroughput", "WarmThroughput",
    ]

    static func findings(in context: RuleContext) -> [Finding] {
        context.changes(.modified).flatMap { change -> [Finding] in
            guard change.type == "AWS::DynamoDB::Table", change.impact != .replacement,
                  let old = context.oldResource(change.logicalID), let new = context.newResource(change.logicalID) else {
                return []
            }
            return findings(change.logicalID, old: indexes(old), new: indexes(new))
        }
    }

    private static func indexes(_ table: ParsedResource) -> [(name: String, definition: TemplateValue)] {
        (table.properties["GlobalSecondaryIndexes"]?.listValue ?? []).compactMap { index in
            index["IndexName"]?.scalarText.map { ($0, index) }
        }
    }

    private static func findings(
        _ logicalID: String, old: [(name: String, definition: TemplateValue)], new: [(name: String, definition: TemplateValue)]
    ) -> [Finding] {
        let oldNames = old.map(\.name), newNames = new.map(\.name)
        let created = newNames.filter { !oldNames.contains($0) }
        let deleted = oldNames.filter { !newNames.contains($0) }
        var findings: [Finding] = []
        if created.count + deleted.count > 1 {
            let parts = [
                created.isEmpty ? nil : "creates \(Display.plural(created.count, "global secondary index", "global secondary indexes")) (\(created.joined(separator: ", ")))",
                deleted.isEmpty ? nil : "deletes \(Display.plural(deleted.count, "global secondary index", "global secondary indexes")) (\(deleted.joined(separator: ", ")))",
            ].compactMap { $0 }
            findings.append(Finding(.willFail, logicalID,
                "\(parts.joined(separator: " and ")) in one update: CloudFormation creates or deletes only one global secondary index per update. Deploy one index change at a time."))
        }
        let oldByName = Dictionary(old.map { ($0.name, $0.definition) }) { first, _ in first }
        for (name, definition) in new {
            guard let before = oldByName[name], before != definition else { continue }
            let changed = ValueComparison.changes(from: before, to: definition)
                .compactMap(\.path.firstKey)
                .filter { !updatableIndexProperties.contains($0) }
            guard !changed.isEmpty else { continue }
            let properties = ValueComparison.orderedUnion([], changed).joined(separator: ", ")
            findings.append(Finding(.willFail, logicalID,
                "global secondary index \(name) changes its \(properties): an existing index cannot change that; it must be deleted and created again, which takes two updates under the same name. Remove the index in one deploy and add the new definition in the next."))
        }
        return findings
    }
}

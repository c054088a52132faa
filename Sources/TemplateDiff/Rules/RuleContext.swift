/// What a rule sees: both templates and the changes found between them.
struct RuleContext {
    let stack: String
    let old: TemplateDocument?
    let new: TemplateDocument?
    let resources: [ResourceChange]
    let entries: [EntryChange]

    func oldResource(_ logicalID: String) -> ParsedResource? { old?.resources[logicalID] }
    func newResource(_ logicalID: String) -> ParsedResource? { new?.resources[logicalID] }

    func changes(_ kind: ChangeKind) -> [ResourceChange] {
        resources.filter { $0.kind == kind }
    }

    /// Resources of the new template that use `Fn::GetAtt [logicalID, attribute]` (or
    /// `${logicalID.attribute}` in a Fn::Sub), with the properties where they do.
    func resourcesReferencing(_ logicalID: String, attribute: String) -> [(logicalID: String, properties: [String])] {
        guard let new else { return [] }
        return new.resourceOrder.compactMap { id in
            guard id != logicalID, let resource = new.resources[id] else { return nil }
            let properties = resource.properties.entries
                .filter { References.contains($0.value, logicalID: logicalID, attribute: attribute) }
                .map(\.key)
            return properties.isEmpty ? nil : (id, properties)
        }
    }

    /// Output names of the new template that use the attribute.
    func outputsReferencing(_ logicalID: String, attribute: String) -> [String] {
        guard let outputs = new?.sections["Outputs"]?.mapValue else { return [] }
        return outputs.entries
            .filter { References.contains($0.value, logicalID: logicalID, attribute: attribute) }
            .map(\.key)
    }
}

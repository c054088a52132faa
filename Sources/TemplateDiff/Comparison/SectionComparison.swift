/// Compares the sections other than Resources.
enum SectionComparison {
    /// Sections whose entries are reported one by one; any other is one value.
    static let keyedSections: Set<String> = ["Parameters", "Mappings", "Conditions", "Outputs", "Rules", "Metadata", "Globals"]

    /// The order in which sections are reported; unknown ones follow, by name.
    static let sectionOrder = [
        "AWSTemplateFormatVersion", "Description", "Transform", "Metadata", "Parameters", "Rules",
        "Mappings", "Conditions", "Globals", "Outputs",
    ]

    static func entries(old: TemplateDocument?, new: TemplateDocument?) -> [EntryChange] {
        let oldSections = old?.sections ?? TemplateMap(), newSections = new?.sections ?? TemplateMap()
        let present = Set(oldSections.keys + newSections.keys)
        let ordered = sectionOrder.filter(present.contains) + present.subtracting(sectionOrder).sorted()
        return ordered.flatMap { section in
            entries(section: section, old: oldSections[section], new: newSections[section])
        }
    }

    private static func entries(section: String, old: TemplateValue?, new: TemplateValue?) -> [EntryChange] {
        guard old != new else { return [] }
        let oldMap = old?.mapValue, newMap = new?.mapValue
        let isKeyed = keyedSections.contains(section) && (old == nil || oldMap != nil) && (new == nil || newMap != nil)
        guard isKeyed else {
            return [entry(section: section, name: section, old: old, new: new)]
        }
        let names = ValueComparison.orderedUnion(oldMap?.keys ?? [], newMap?.keys ?? [])
        return names.compactMap { name in
            let before = oldMap?[name], after = newMap?[name]
            return before == after ? nil : entry(section: section, name: name, old: before, new: after)
        }
    }

    private static func entry(section: String, name: String, old: TemplateValue?, new: TemplateValue?) -> EntryChange {
        let changes = ValueComparison.changes(from: old, to: new)
        let kind: ChangeKind = old == nil ? .added : new == nil ? .removed : .modified
        return EntryChange(section: section, name: name, kind: kind, changes: changes)
    }
}

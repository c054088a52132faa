/// The order of a stack's blocks, shared by the text and Markdown renderers:
/// template-level sections, then Resources, then Outputs and anything else.
enum ReportLayout {
    static let sectionsBeforeResources: Set<String> = [
        "AWSTemplateFormatVersion", "Description", "Transform", "Metadata", "Parameters", "Rules",
        "Mappings", "Conditions", "Globals",
    ]

    enum Block {
        case section(String, [EntryChange])
        case resources([ResourceChange])
    }

    static func blocks(_ diff: StackDiff) -> [Block] {
        var before: [Block] = [], after: [Block] = []
        for entry in diff.entries {
            let isBefore = sectionsBeforeResources.contains(entry.section)
            if case .section(let name, let entries)? = (isBefore ? before : after).last, name == entry.section {
                let block = Block.section(name, entries + [entry])
                if isBefore { before[before.count - 1] = block } else { after[after.count - 1] = block }
            } else if isBefore {
                before.append(.section(entry.section, [entry]))
            } else {
                after.append(.section(entry.section, [entry]))
            }
        }
        return before + (diff.resources.isEmpty ? [] : [.resources(diff.resources)]) + after
    }
}

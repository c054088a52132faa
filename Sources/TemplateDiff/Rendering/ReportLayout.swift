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

    /// Consecutive entries of one section form one block. Linear: a template from elsewhere
    /// may have tens of thousands of entries in a section (re-building the block for each
    /// entry made 35,000 outputs take 38 s).
    static func blocks(_ diff: StackDiff) -> [Block] {
        var before: [(String, [EntryChange])] = [], after: [(String, [EntryChange])] = []
        for entry in diff.entries {
            let isBefore = sectionsBeforeResources.contains(entry.section)
            if isBefore {
                if before.last?.0 == entry.section { before[before.count - 1].1.append(entry) } else { before.append((entry.section, [entry])) }
            } else {
                if after.last?.0 == entry.section { after[after.count - 1].1.append(entry) } else { after.append((entry.section, [entry])) }
            }
        }
        return before.map { Block.section($0.0, $0.1) } + (diff.resources.isEmpty ? [] : [.resources(diff.resources)])
            + after.map { Block.section($0.0, $0.1) }
    }
}

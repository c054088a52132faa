/// Shared wording of the renderers.
public enum Display {
    /// A resource path as people read it: properties without the `Properties.` prefix.
    static func path(_ path: PropertyPath) -> String {
        path.firstKey == "Properties" && path.components.count > 1 ? path.dropFirst().description : path.description
    }

    static func impact(_ impact: UpdateImpact, reason: String?) -> String {
        reason.map { "\(impact.label): \($0)" } ?? impact.label
    }

    static func plural(_ count: Int, _ noun: String, _ pluralNoun: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : pluralNoun ?? noun + "s")"
    }

    /// Singular nouns for the entries of keyed sections.
    private static let entryNouns = [
        "Parameters": "parameter", "Outputs": "output", "Conditions": "condition", "Mappings": "mapping",
        "Rules": "rule", "Metadata": "metadata entry", "Globals": "globals entry",
    ]
    /// Plurals that are not the noun plus "s".
    private static let irregularPlurals = ["metadata entry": "metadata entries", "globals entry": "globals entries"]

    /// `1 resource modified, 1 parameter added` style summary of a stack. `name` escapes
    /// a section name from the template for the output format.
    static func summary(_ diff: StackDiff, name: (String) -> String = Display.visible) -> String {
        switch diff.status {
        case .unchanged: return "no changes"
        case .added: return "new stack, " + plural(diff.resources.count, "resource")
        case .removed: return "stack removed, " + plural(diff.resources.count, "resource")
        case .modified: break
        }
        let kinds = [ChangeKind.added, .modified, .removed]
        var parts: [String] = []
        for kind in kinds {
            let count = diff.resources.filter { $0.kind == kind }.count
            if count > 0 { parts.append("\(plural(count, "resource")) \(kind.rawValue)") }
        }
        // Sections in order of first appearance, each with its entries: one pass, as a
        // template from elsewhere may have any number of top-level keys.
        var sections: [String] = []
        var entriesBySection: [String: [EntryChange]] = [:]
        for entry in diff.entries {
            if entriesBySection[entry.section] == nil { sections.append(entry.section) }
            entriesBySection[entry.section, default: []].append(entry)
        }
        for section in sections {
            let entries = entriesBySection[section] ?? []
            guard let noun = entryNouns[section], !(entries.count == 1 && entries[0].name == section) else {
                parts.append("\(name(section)) changed")
                continue
            }
            for kind in kinds {
                let count = entries.filter { $0.kind == kind }.count
                if count > 0 { parts.append("\(plural(count, noun, irregularPlurals[noun])) \(kind.rawValue)") }
            }
        }
        return parts.joined(separator: ", ")
    }
}

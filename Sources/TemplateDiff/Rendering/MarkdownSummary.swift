/// The parts of the Markdown report that make it one sticky pull-request comment: a hidden
/// marker line to find the comment again, one summary line with counts, and the long
/// details folded away.
enum MarkdownSummary {
    /// The first line of every Markdown report (an HTML comment: GitHub does not show it).
    static let marker = "<!-- infra-diff: sticky comment, updated on every push -->"

    /// `**Resources:** 1 added, 2 changed, 1 replaced, 0 removed · **Findings:** 1 replacement, 1 data loss`
    static func line(_ report: DiffReport) -> String {
        let resources = report.stacks.flatMap(\.resources)
        let added = resources.filter { $0.kind == .added }.count
        let replaced = resources.filter { $0.kind == .modified && $0.impact == .replacement }.count
        let changed = resources.filter { $0.kind == .modified }.count - replaced
        let removed = resources.filter { $0.kind == .removed }.count
        let findings = report.stacks.flatMap(\.findings)
        let bySeverity = Finding.Kind.allCases.compactMap { kind -> String? in
            let count = findings.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.label)"
        }
        return "**Resources:** \(added) added, \(changed) changed, \(replaced) replaced, \(removed) removed · "
            + "**Findings:** " + (bySeverity.isEmpty ? "none" : bySeverity.joined(separator: ", "))
    }

    /// Long details in a collapsed `<details>` block (blank lines around the Markdown inside,
    /// as GitHub needs to render it).
    static func folded(_ lines: [String], summary: String) -> [String] {
        guard !lines.isEmpty else { return [] }
        let body = lines.first == "" ? Array(lines.dropFirst()) : lines
        return ["", "<details><summary>\(summary)</summary>", ""] + body + ["", "</details>"]
    }
}

/// GitHub-flavoured Markdown for a pull-request comment.
struct MarkdownRenderer {
    func render(_ report: DiffReport) -> String {
        let changed = report.stacks.filter(\.hasChanges).count
        var lines = [MarkdownSummary.marker, "## infra diff: \(changed) of \(Display.plural(report.stacks.count, "stack")) changed", "", MarkdownSummary.line(report)]
        for diff in report.stacks {
            lines += [""] + render(diff)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ diff: StackDiff) -> [String] {
        var lines = ["### \(code(diff.stack)): \(Display.summary(diff, name: MarkdownText.escape))"]
        if !diff.findings.isEmpty {
            lines += ["", "**Findings**", ""]
            lines += diff.findings.map { "- \(icon($0.kind)) **\($0.kind.label)** \(code($0.logicalID)): \(escape($0.message))" }
        }
        var details: [String] = []
        for block in ReportLayout.blocks(diff) {
            switch block {
            case .section(let section, let entries):
                lines += ["", "**\(MarkdownText.escape(section))**", "", "| | Name | Old | New |", "| --- | --- | --- | --- |"]
                for entry in entries {
                    for change in entry.changes {
                        let name = change.path.isEmpty ? entry.name : "\(entry.name).\(change.path)"
                        lines.append("| \(entry.kind.symbol) | \(code(name)) | \(cell(change.old)) | \(cell(change.new)) |")
                        details += multilineDiff(change, title: name)
                    }
                }
            case .resources(let resources):
                lines += ["", "**Resources**", "", "| | Logical ID | Type | Update |", "| --- | --- | --- | --- |"]
                for resource in resources {
                    let type = resource.oldType.map { "\(code($0)) → \(code(resource.type))" } ?? code(resource.type)
                    let impact = resource.impact.map { $0 == .replacement ? "**\($0.label)**" : $0.label } ?? ""
                    lines.append("| \(resource.kind.symbol) | \(code(resource.logicalID)) | \(type) | \(impact) |")
                }
                for resource in resources where !resource.changes.isEmpty {
                    details += ["", "**\(code(resource.logicalID))** (\(code(resource.type)))", "",
                                "| Property | Old | New | Update |", "| --- | --- | --- | --- |"]
                    var diffs: [String] = []
                    for property in resource.changes {
                        let path = Display.path(property.path)
                        let impact = property.impact == .replacement ? "**\(property.impact.label)**" : property.impact.label
                        let update = property.reason.map { "\(impact): \(escape($0))" } ?? impact
                        details.append("| \(code(path)) | \(cell(property.old)) | \(cell(property.new)) | \(update) |")
                        diffs += multilineDiff(property.change, title: path)
                    }
                    details += diffs
                }
            }
        }
        return lines + MarkdownSummary.folded(details, summary: "Property changes")
    }

    private func multilineDiff(_ change: ValueChange, title: String) -> [String] {
        guard let old = change.old, let new = change.new, old.multilineText != nil || new.multilineText != nil else {
            return []
        }
        let diff = LineDiff(old: old.multilineText ?? old.compact, new: new.multilineText ?? new.compact)
        let lines = diff.compactLines().map(Display.visible)
        let fence = MarkdownText.fence(for: lines)
        return ["", "\(code(title)):", "", fence + "diff"] + lines + [fence]
    }

    private func icon(_ kind: Finding.Kind) -> String {
        switch kind {
        case .willFail: "🛑"
        case .dataLoss: "🔥"
        case .replacement, .retentionRemoved, .cannotJudge, .breaksDependents: "⚠️"
        case .note: "ℹ️"
        }
    }

    private func cell(_ value: TemplateValue?) -> String {
        value.map { code($0.compact) } ?? ""
    }

    /// A code span that shows the text literally (see ``MarkdownText/code(_:)``).
    private func code(_ text: String) -> String {
        MarkdownText.code(text)
    }

    /// Prose from the input, with no markup of its own (see ``MarkdownText/escape(_:)``).
    private func escape(_ text: String) -> String {
        MarkdownText.escape(text)
    }
}

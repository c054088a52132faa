/// Plain text for logs, or ANSI colours for a terminal. Text from the templates goes
/// through `v` (``Display/visible(_:)``): no control character of theirs reaches the terminal.
struct TextRenderer {
    let color: Bool

    func render(_ report: DiffReport) -> String {
        guard !report.stacks.isEmpty else { return "No stacks to compare.\n" }
        return report.stacks.map(render).joined(separator: "\n")
    }

    private func render(_ diff: StackDiff) -> String {
        var lines = [paint("Stack \(v(diff.stack))", .bold) + ": " + Display.summary(diff)]
        for block in ReportLayout.blocks(diff) {
            switch block {
            case .section(let section, let entries):
                if entries.count == 1, entries[0].name == section {
                    lines += entryLines(entries[0], indent: "  ")
                } else {
                    lines.append("  " + v(section))
                    lines += entries.flatMap { entryLines($0, indent: "    ") }
                }
            case .resources(let resources):
                lines.append("  Resources")
                lines += resources.flatMap(resourceLines)
            }
        }
        if !diff.findings.isEmpty {
            lines.append("  Findings")
            lines += diff.findings.map { finding in
                "    " + paint("[\(finding.kind.label)]", style(of: finding.kind)) + " \(v(finding.logicalID)): \(v(finding.message))"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func entryLines(_ entry: EntryChange, indent: String) -> [String] {
        if entry.changes.count == 1, entry.changes[0].path.isEmpty {
            return changeLines(entry.changes[0], label: v(entry.name), note: nil, indent: indent)
        }
        return [indent + symbol(entry.kind) + " " + v(entry.name)]
            + entry.changes.flatMap { changeLines($0, label: v($0.path.description), note: nil, indent: indent + "    ") }
    }

    private func resourceLines(_ resource: ResourceChange) -> [String] {
        var header = "    " + symbol(resource.kind) + " " + v(resource.logicalID) + "  "
        header += resource.oldType.map { "\(v($0)) -> \(v(resource.type))" } ?? v(resource.type)
        if let impact = resource.impact {
            header += "  " + paint("[\(impact.label)]", style(of: impact))
        }
        return [header] + resource.changes.flatMap { property in
            changeLines(property.change, label: v(Display.path(property.path)),
                        note: paint("(\(v(Display.impact(property.impact, reason: property.reason))))", style(of: property.impact)),
                        indent: "        ")
        }
    }

    private func changeLines(_ change: ValueChange, label: String, note: String?, indent: String) -> [String] {
        let suffix = note.map { "  " + $0 } ?? ""
        let head = indent + symbol(change.kind) + " " + label + ":"
        switch (change.old, change.new) {
        case (let old?, let new?):
            if old.multilineText != nil || new.multilineText != nil {
                let diff = LineDiff(old: old.multilineText ?? old.compact, new: new.multilineText ?? new.compact)
                return [String(head.dropLast()) + suffix] + diff.compactLines().map { indent + "    " + colorDiffLine(v($0)) }
            }
            return [head + " " + v(old.compact) + " -> " + v(new.compact) + suffix]
        case (nil, let new?):
            return [head + " " + v(new.compact) + suffix]
        case (let old?, nil):
            return [head + " " + v(old.compact) + suffix]
        case (nil, nil):
            return [head + suffix]
        }
    }

    private func symbol(_ kind: ChangeKind) -> String {
        switch kind {
        case .added: paint("+", .green)
        case .removed: paint("-", .red)
        case .modified: paint("~", .yellow)
        }
    }

    private func colorDiffLine(_ line: String) -> String {
        if line.hasPrefix("+ ") { return paint(line, .green) }
        if line.hasPrefix("- ") { return paint(line, .red) }
        return line
    }

    private func v(_ text: String) -> String {
        Display.visible(text)
    }

    // MARK: colours

    private enum Style: String {
        case bold = "1", red = "31", boldRed = "1;31", green = "32", yellow = "33", magenta = "35", dim = "2"
    }

    private func style(of kind: Finding.Kind) -> Style {
        switch kind {
        case .willFail, .dataLoss: .boldRed
        case .replacement, .retentionRemoved, .cannotJudge, .breaksDependents: .yellow
        case .note: .dim
        }
    }

    private func style(of impact: UpdateImpact) -> Style {
        switch impact {
        case .replacement: .red
        case .unknown: .magenta
        case .someInterruption: .yellow
        case .none, .noInterruption: .dim
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

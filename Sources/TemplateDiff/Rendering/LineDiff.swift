import UnifiedDiff

/// Line differences between two texts (longest common subsequence), for multi-line
/// values in reports and for readable test failures.
struct LineDiff {
    enum Line: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    let lines: [Line]

    init(old: String, new: String) {
        self.init(old: Self.split(old), new: Self.split(new))
    }

    init(old: [String], new: [String]) {
        // UnifiedDiff's edit script: it trims the common ends and caps the table's size, which
        // matters for a long multi-line value such as inline code.
        lines = UnifiedDiff.lineEdits(old: old, new: new).map { edit in
            switch edit {
            case .same(let text): .same(text)
            case .removed(let text): .removed(text)
            case .added(let text): .added(text)
            }
        }
    }

    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    var hasChanges: Bool {
        lines.contains { if case .same = $0 { false } else { true } }
    }

    /// Indices of the lines to show: the changed ones and `context` lines around them.
    private func shownIndices(context: Int) -> [Int] {
        var shown = Set<Int>()
        for (index, line) in lines.enumerated() {
            if case .same = line { continue }
            for nearby in max(0, index - context)...min(lines.count - 1, index + context) {
                shown.insert(nearby)
            }
        }
        return shown.sorted()
    }

    /// The changed lines with `context` lines around them, `- `/`+ `/`  ` prefixed;
    /// `…` between separate groups.
    func compactLines(context: Int = 1) -> [String] {
        var output: [String] = []
        var previous: Int?
        for index in shownIndices(context: context) {
            if let previous, index > previous + 1 { output.append("…") }
            previous = index
            switch lines[index] {
            case .same(let text): output.append("  " + text)
            case .removed(let text): output.append("- " + text)
            case .added(let text): output.append("+ " + text)
            }
        }
        return output
    }
}

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
        // lengths[i][j]: length of the common subsequence of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(.same(old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(old[i])); i += 1  // removals first, as unified diffs show them
            } else {
                result.append(.added(new[j])); j += 1
            }
        }
        lines = result
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

    /// A unified diff (`--- old`, `+++ new`, `@@ -a,b +c,d @@` hunks).
    func unified(oldName: String, newName: String, context: Int = 3) -> String {
        guard hasChanges else { return "" }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        // Line numbers (1-based) on each side before each entry of `lines`.
        var oldNumbers: [Int] = [], newNumbers: [Int] = []
        var oldLine = 1, newLine = 1
        for line in lines {
            oldNumbers.append(oldLine); newNumbers.append(newLine)
            switch line {
            case .same: oldLine += 1; newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        var hunks: [[Int]] = []
        for index in shownIndices(context: context) {
            if let last = hunks.last?.last, index == last + 1 {
                hunks[hunks.count - 1].append(index)
            } else {
                hunks.append([index])
            }
        }
        for hunk in hunks {
            let oldCount = hunk.filter { if case .added = lines[$0] { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = lines[$0] { false } else { true } }.count
            output.append("@@ -\(oldNumbers[hunk[0]]),\(oldCount) +\(newNumbers[hunk[0]]),\(newCount) @@")
            for index in hunk {
                switch lines[index] {
                case .same(let text): output.append(" " + text)
                case .removed(let text): output.append("-" + text)
                case .added(let text): output.append("+" + text)
                }
            }
        }
        return output.joined(separator: "\n") + "\n"
    }
}

/// A line-based unified diff (as `diff -u` prints), for `infra synth --check` and for golden
/// tests, so that a stale file or a failed test shows exactly which lines changed.
public enum UnifiedDiff {
    /// The diff of two texts, or nil when they are equal.
    public static func diff(_ old: String, _ new: String, oldName: String = "expected", newName: String = "actual", context: Int = 3) -> String? {
        guard old != new else { return nil }
        let a = lines(old)
        let b = lines(new)
        let operations = edits(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(operations, context: context) {
            output += hunk
        }
        if old.last != new.last, old.last == "\n" || new.last == "\n" {
            output += "\\ the files differ in their final newline\n"
        }
        return output
    }

    /// One line of an edit script.
    public enum Edit: Hashable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edit script from `old` to `new`, line by line, removals before additions.
    public static func lineEdits(old: [String], new: [String]) -> [Edit] {
        edits(old, new)
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// Longest common subsequence by dynamic programming over the lines that differ, after
    /// trimming the common prefix and suffix (the usual case for templates is a small change).
    private static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])

        var result: [Edit] = a[..<prefix].map { .same($0) }
        let n = middleA.count, m = middleB.count
        if n * m > 25_000_000 {
            // Too large for the table: show the middle as replaced rather than use the memory.
            result += middleA.map { .removed($0) } + middleB.map { .added($0) }
        } else {
            var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = middleA[i] == middleB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, middleA[i] == middleB[j] {
                    result.append(.same(middleA[i])); i += 1; j += 1
                } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                    result.append(.removed(middleA[i])); i += 1  // removals first, as unified diffs show them
                } else {
                    result.append(.added(middleB[j])); j += 1
                }
            }
        }
        result += a[(a.count - suffix)...].map { .same($0) }
        return result
    }

    private static func hunks(_ edits: [Edit], context: Int) -> [String] {
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        // Group changes whose context overlaps.
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                groups.append(range)
            }
        }
        var result: [String] = []
        for group in groups {
            var oldLine = 1, newLine = 1
            for edit in edits[..<group.lowerBound] {
                switch edit {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            var oldCount = 0, newCount = 0, body = ""
            for edit in edits[group] {
                switch edit {
                case .same(let line): body += " \(line)\n"; oldCount += 1; newCount += 1
                case .removed(let line): body += "-\(line)\n"; oldCount += 1
                case .added(let line): body += "+\(line)\n"; newCount += 1
                }
            }
            let oldStart = oldCount == 0 ? oldLine - 1 : oldLine
            let newStart = newCount == 0 ? newLine - 1 : newLine
            result.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body)
        }
        return result
    }
}

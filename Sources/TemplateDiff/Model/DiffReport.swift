/// The result of `infra diff`: one `StackDiff` per compared stack.
///
///     let previous = try TemplateFiles.read(at: against ?? "out", stack: stackForSingleFile)
///     let report = try DiffReport.compare(old: previous, new: synthesizedYAMLByStack, stacks: selected)
///     print(report.render(.text(color: isTerminal)), terminator: "")
///     exit(report.exitCode(allowingReplacementOf: Set(allowReplacement)))
public struct DiffReport: Hashable, Sendable {
    public let stacks: [StackDiff]

    public init(stacks: [StackDiff]) {
        self.stacks = stacks
    }

    public var hasChanges: Bool { stacks.contains(where: \.hasChanges) }

    /// The hidden first line of the Markdown report: a pull-request workflow finds its
    /// comment by it, to update it instead of adding another.
    public static let markdownMarker = MarkdownSummary.marker

    /// The findings that make the exit code 3: those needing approval whose resource is
    /// not named in `allowed` (by `LogicalID` or `Stack/LogicalID`).
    public func unapprovedFindings(allowingReplacementOf allowed: Set<String>) -> [(stack: String, finding: Finding)] {
        stacks.flatMap { stack in
            stack.findings
                .filter { $0.kind.needsApproval }
                .filter { !allowed.contains($0.logicalID) && !allowed.contains("\(stack.stack)/\($0.logicalID)") }
                .map { (stack.stack, $0) }
        }
    }

    /// 0: nothing changed. 1: changes, all safe or allowed. 3: a change replaces a
    /// resource, loses data, breaks a dependent or will fail, and `allowed` does not name it.
    public func exitCode(allowingReplacementOf allowed: Set<String> = []) -> Int32 {
        guard hasChanges else { return 0 }
        return unapprovedFindings(allowingReplacementOf: allowed).isEmpty ? 1 : 3
    }

    public func render(_ format: DiffFormat) -> String {
        switch format {
        case .text(let color): TextRenderer(color: color).render(self)
        case .markdown: MarkdownRenderer().render(self)
        case .json: JSONRenderer().render(self)
        }
    }
}

/// How to write a report.
public enum DiffFormat: Hashable, Sendable {
    /// For a terminal (`color: true`, ANSI) or a log.
    case text(color: Bool)
    /// For a pull-request comment.
    case markdown
    /// For machines: stable key order, deterministic.
    case json
}

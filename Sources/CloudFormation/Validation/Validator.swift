/// Stage two of the pipeline: every template-level rule, run over the whole template so
/// that a user sees all problems at once. Resource-specific rules run during synthesis.
public enum Validator {
    static let rules: [any ValidationRule] = [
        StructureRule(),
        LogicalIDRule(),
        ReferenceRule(),
        UnusedParameterRule(),
        DependencyCycleRule(),
        ExportNameRule(),
        QuotaRule(),
    ]

    /// - Parameter elsewhere: logical ID -> stack, for the app's other stacks, so that a
    ///   by-name reference to another stack's resource can say where that resource is.
    public static func validate(_ template: Template, stack: String, elsewhere: [String: String] = [:]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            rule.check(template, stack: stack, into: &diagnostics)
        }
        guard !elsewhere.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            guard let name = Self.danglingName(in: diagnostic.message), let owner = elsewhere[name] else { return diagnostic }
            var hinted = diagnostic
            hinted.message += "; '\(name)' is a resource of stack '\(owner)': refer to it through its typed value (e.g. `table.arn`) and infra exports and imports it"
            return hinted
        }
    }

    private static func danglingName(in message: String) -> String? {
        for prefix in ["refers to '", "of '", "depends on '"] {
            guard message.hasSuffix("which is neither a resource nor a parameter of this stack") || message.hasSuffix("which is not a resource of this stack"),
                  let start = Substring(message).range(of: prefix) else { continue }
            let rest = Substring(message)[start.upperBound...]
            if let end = rest.firstIndex(of: "'") { return String(rest[..<end]) }
        }
        return nil
    }
}

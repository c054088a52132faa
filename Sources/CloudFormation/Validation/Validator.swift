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

    public static func validate(_ template: Template, stack: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            rule.check(template, stack: stack, into: &diagnostics)
        }
        return diagnostics
    }
}

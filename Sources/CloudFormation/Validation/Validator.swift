/// Stage two of the pipeline: every template-level rule, run over the whole template so
/// that a user sees all problems at once. Resource-specific rules run during synthesis.
public enum Validator {
    /// - Parameter elsewhere: logical ID -> stack, for the app's other stacks, so that a
    ///   by-name reference to another stack's resource can say where that resource is.
    public static func validate(_ template: Template, stack: String, elsewhere: [String: String] = [:]) -> [Diagnostic] {
        let rules: [any ValidationRule] = [
            StructureRule(),
            LogicalIDRule(),
            ReferenceRule(elsewhere: elsewhere),
            UnusedParameterRule(),
            DependencyCycleRule(),
            ExportNameRule(),
            QuotaRule(),
            CatalogRule(),
            TemplateLimitRule(),
        ]
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            rule.check(template, stack: stack, into: &diagnostics)
        }
        return diagnostics
    }
}

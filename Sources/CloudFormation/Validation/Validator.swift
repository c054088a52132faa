/// Stage two of the pipeline: every template-level rule, run over the whole template so
/// that a user sees all problems at once. Resource-specific rules run during synthesis.
public enum Validator {
    /// - Parameter elsewhere: logical ID -> stack, for the app's other stacks, so that a
    ///   by-name reference to another stack's resource can say where that resource is.
    /// - Parameter reported: what the resources' own rules found; a catalog finding at the same
    ///   element and path repeats it in schema words, so it is left out.
    public static func validate(_ template: Template, stack: String, elsewhere: [String: String] = [:], reported: [Diagnostic] = []) -> [Diagnostic] {
        // One walk over every value of the template for the three rules about references.
        let uses = TemplateUses(template)
        let rules: [any ValidationRule] = [
            StructureRule(),
            LogicalIDRule(),
            ReferenceRule(elsewhere: elsewhere, uses: uses),
            UnusedParameterRule(uses: uses),
            DependencyCycleRule(uses: uses),
            ExportNameRule(),
            QuotaRule(),
            CatalogRule(alreadyReported: Set(reported.map { CatalogRule.Place(element: $0.element, path: $0.path) })),
            TemplateLimitRule(),
        ]
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            rule.check(template, stack: stack, into: &diagnostics)
        }
        return diagnostics
    }
}

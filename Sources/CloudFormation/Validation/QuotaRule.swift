/// CloudFormation's per-template quotas, checked before deploy rather than discovered by it.
/// The body size is checked on the rendered bytes by the pipeline (`Quota.templateBodyBytes`).
public enum Quota {
    public static let resources = 500
    public static let parameters = 200
    public static let outputs = 200
    public static let mappings = 200
    /// The largest template body `aws cloudformation deploy` can send inline.
    public static let templateBodyBytes = 51_200
}

struct QuotaRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        func limit(_ count: Int, _ maximum: Int, _ section: String, _ noun: String) {
            if count > maximum {
                diagnostics.append(Diagnostic(.error, stack: stack, path: section,
                                              "the stack has \(count) \(noun); CloudFormation allows at most \(maximum) per template (split the stack)"))
            }
        }
        limit(template.resources.count, Quota.resources, "Resources", "resources")
        limit(template.parameters.count, Quota.parameters, "Parameters", "parameters")
        limit(template.outputs.count, Quota.outputs, "Outputs", "outputs")
        limit(template.mappings.count, Quota.mappings, "Mappings", "mappings")
    }
}

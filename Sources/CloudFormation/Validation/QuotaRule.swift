import ResourceCatalog

/// CloudFormation's per-template quotas, checked before deploy rather than discovered by it.
/// The counts come from the catalog (`TemplateLimits`); the body size is checked on the
/// rendered bytes by the pipeline.
public enum Quota {
    public static let resources = TemplateLimits.resources
    public static let parameters = TemplateLimits.parameters
    public static let outputs = TemplateLimits.outputs
    public static let mappings = TemplateLimits.mappings
    /// The largest template body `aws cloudformation deploy` can send inline (the
    /// CreateStack/UpdateStack API's TemplateBody; cfn-lint knows only the S3 limit).
    public static let templateBodyBytes = 51_200
    /// The largest template CloudFormation reads from S3 (a `TemplateURL`, as
    /// `aws cloudformation package` and `deploy --s3-bucket` give it): 1 MB, per cfn-lint's
    /// limits and the CreateStack API reference.
    public static let templateURLBytes = TemplateLimits.templateURLBytes
    /// How deep stacks may nest below a top-level stack. CloudFormation documents no depth
    /// limit; this is infra's, so that a reference never crosses more hops than a reviewer
    /// can follow (each level is a parameter or an output, and a nested stack operation).
    public static let nestingDepth = 5
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

import AWSResources
import CloudFormation
import Testing

/// Synthesizes a stack built by `build` in SAM flavor (or another), reading files from `root`.
func synthesize(_ flavor: Flavor, root: String = repositoryRoot, _ build: @escaping @Sendable (StackBuilder) -> Void) -> Synthesized {
    let stack = Stack("test", flavors: [flavor], build)
    let result = Synthesizer(files: SourceFiles(root: root), today: synthesisDay).synthesize(stack, flavor: flavor)
    return Synthesized(template: result.template, diagnostics: result.diagnostics)
}

/// Synthesizes a fixture stack in SAM flavor (Globals included: synthesis hoists them),
/// with the template-level diagnostics too.
func synthesizeSAMFixture(_ stack: Stack) -> Synthesized {
    let result = Synthesizer(files: SourceFiles(root: Golden.directory.path), today: synthesisDay).synthesize(stack, flavor: .sam)
    let diagnostics = result.diagnostics + Validator.validate(result.template, stack: stack.name)
    return Synthesized(template: result.template, diagnostics: diagnostics)
}

extension Synthesized {
    /// The SAM `Events` of a function, by name.
    func events(of function: String, sourceLocation: SourceLocation = #_sourceLocation) -> Fields {
        properties(function, sourceLocation: sourceLocation)["Events"]?.fields ?? Fields()
    }

    /// The statements of each policy document in a SAM function's `Policies`; managed
    /// policies (ARNs) are left out.
    func policyDocuments(of function: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[TemplateValue]] {
        (properties(function, sourceLocation: sourceLocation)["Policies"]?.items ?? []).compactMap { $0.fields?["Statement"]?.items }
    }
}

/// `validate` in one flavor: the resources' rules, then every template rule.
func validate(_ flavor: Flavor, root: String = repositoryRoot, _ build: @escaping @Sendable (StackBuilder) -> Void) -> Synthesized {
    let synthesized = synthesize(flavor, root: root, build)
    let diagnostics = synthesized.diagnostics + Validator.validate(synthesized.template, stack: "test", reported: synthesized.diagnostics)
    return Synthesized(template: synthesized.template, diagnostics: diagnostics)
}

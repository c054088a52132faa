import AWSResources
import CloudFormation
import Testing

/// Synthesizes a stack built by `build` in SAM flavor (or another), reading files from `root`.
func synthesize(_ flavor: Flavor, root: String = repositoryRoot, _ build: @escaping @Sendable (StackBuilder) -> Void) -> Synthesized {
    let stack = Stack("test", flavors: [flavor], build)
    let result = Synthesizer(files: SourceFiles(root: root), today: synthesisDay).synthesize(stack, flavor: flavor)
    return Synthesized(template: result.template, diagnostics: result.diagnostics)
}

/// Synthesizes a fixture stack in SAM flavor, template-level diagnostics included, then
/// applies the Globals rule, which needs every resource synthesized. Validation comes first:
/// it does not look into Globals, so a parameter used only there would seem unused.
func synthesizeSAMFixture(_ stack: Stack) -> Synthesized {
    let result = Synthesizer(files: SourceFiles(root: Golden.directory.path), today: synthesisDay).synthesize(stack, flavor: .sam)
    var template = result.template
    let diagnostics = result.diagnostics + Validator.validate(template, stack: stack.name)
    FunctionGlobals.hoist(&template.resources, into: &template.globals)
    return Synthesized(template: template, diagnostics: diagnostics)
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

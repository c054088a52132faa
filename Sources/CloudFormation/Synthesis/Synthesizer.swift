/// Stage one of the pipeline: runs a stack's build closure and turns the typed resources
/// into the untyped template model, collecting the problems the resources find.
public struct Synthesizer: Sendable {
    public let files: SourceFiles
    public let environment: Environment

    public init(files: SourceFiles, environment: Environment = .default) {
        self.files = files
        self.environment = environment
    }

    public struct Result: Sendable {
        public let template: Template
        public let diagnostics: [Diagnostic]
    }

    public func synthesize(_ stack: Stack, flavor: Flavor) -> Result {
        let builder = StackBuilder(name: stack.name, description: stack.description, environment: environment, flavor: flavor)
        stack.build(builder)

        let context = SynthesisContext(stackName: stack.name, flavor: flavor, environment: environment, files: files)
        for resource in builder.resources {
            resource.synthesize(in: context)
        }

        var template = Template()
        template.description = builder.description
        template.metadata = builder.metadata
        template.parameters = builder.parameters
        for (name, entries) in builder.mappings {
            if template.mappings[name] != nil {
                context.report(Diagnostic(.error, stack: stack.name, element: name, "two mappings are named '\(name)'"))
            }
            template.mappings[name] = .object(entries)
        }
        for (name, expression) in builder.conditions {
            if template.conditions[name] != nil {
                context.report(Diagnostic(.error, stack: stack.name, element: name, "two conditions are named '\(name)'"))
            }
            template.conditions[name] = expression.raw
        }
        template.transforms = context.transforms
        template.globals = context.globals
        template.resources = context.resources
        template.outputs = builder.outputs
        return Result(template: template, diagnostics: context.diagnostics)
    }
}

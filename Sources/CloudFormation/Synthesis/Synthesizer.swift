/// Stage one of the pipeline: turns a built stack's typed resources into the untyped
/// template model for one flavor, collecting the problems the resources find.
public struct Synthesizer: Sendable {
    public let files: SourceFiles
    public let today: CalendarDate
    /// Where the template is written, relative to the project root (see `SynthesisContext`).
    public var templateDirectory = "out"

    public init(files: SourceFiles, today: CalendarDate = .today()) {
        self.files = files
        self.today = today
    }

    public struct Result: Sendable {
        public let template: Template
        public let diagnostics: [Diagnostic]
        /// Code folders to build before `aws cloudformation package`.
        public var assetBuilds: [AssetBuild] = []
        /// Whether the template refers to local files that must be packaged.
        public var needsPackaging = false
    }

    /// Builds and synthesizes a stand-alone stack definition in the default environment.
    public func synthesize(_ stack: Stack, flavor: Flavor, environment: Environment = .default) -> Result {
        let app = App("app", stacks: [stack]).instantiate(in: environment)
        guard let builder = app.stacks.first else {
            return Result(template: Template(), diagnostics: [])
        }
        return synthesize(builder, flavor: flavor)
    }

    public func synthesize(_ builder: StackBuilder, flavor: Flavor) -> Result {
        let context = SynthesisContext(stackName: builder.name, flavor: flavor, environment: builder.environment, files: files, today: today, templateDirectory: templateDirectory)
        for resource in builder.resources {
            resource.synthesize(in: context)
        }
        context.finish()
        // A SAM-flavored template declares the transform even when no resource needed it.
        if flavor == .sam {
            context.requireTransform(Flavor.serverlessTransform)
        }

        var template = Template()
        template.description = builder.description
        template.metadata = builder.metadata
        template.parameters = builder.parameters
        for (name, entries) in builder.mappings {
            if template.mappings[name] != nil {
                context.report(Diagnostic(.error, stack: builder.name, element: name, "two mappings are named '\(Diagnostic.abbreviated(name))'"))
            }
            template.mappings[name] = .object(entries)
        }
        for (name, expression) in builder.conditions {
            if template.conditions[name] != nil {
                context.report(Diagnostic(.error, stack: builder.name, element: name, "two conditions are named '\(Diagnostic.abbreviated(name))'"))
            }
            template.conditions[name] = expression.raw
        }
        template.transforms = context.transforms
        template.globals = context.globals
        template.resources = Self.dependenciesOnNestedResources(context.resources, of: builder)
        template.outputs = builder.outputs
        return Result(template: template, diagnostics: context.diagnostics, assetBuilds: context.assetBuilds, needsPackaging: context.needsPackaging)
    }

    /// A DependsOn on a resource of a stack nested in this one (at any depth) becomes a
    /// DependsOn on the nested stack that holds it: CloudFormation orders whole nested stacks.
    /// Any other foreign DependsOn is left for validation to report.
    static func dependenciesOnNestedResources(_ resources: [TemplateResource], of builder: StackBuilder) -> [TemplateResource] {
        guard !builder.nestedStacks.isEmpty else { return resources }
        var replaced: [String: [String: String]] = [:]  // resource -> (dependency -> nested stack)
        for resource in builder.resources {
            for dependency in resource.dependsOn where dependency.stackName != builder.name {
                guard let owner = builder.nestedStacks.first(where: { nested in
                    nested.child.selfAndDescendants.contains { $0.name == dependency.stackName }
                }) else { continue }
                replaced[resource.logicalID, default: [:]][dependency.logicalID] = owner.logicalID
            }
        }
        guard !replaced.isEmpty else { return resources }
        return resources.map { resource in
            guard let map = replaced[resource.logicalID] else { return resource }
            var result = resource
            var seen = Set<String>()
            result.dependsOn = resource.dependsOn.map { map[$0] ?? $0 }.filter { seen.insert($0).inserted }
            return result
        }
    }
}

import InfraYAML

/// The whole pipeline for an app in one environment: synthesize (DSL -> model), link the
/// stacks (cross-stack references -> exports and imports), validate, render (model -> YAML
/// nodes) and emit (nodes -> text). It writes nothing: the CLI writes only when no stack
/// has an error.
public struct SynthesisPipeline: Sendable {
    public let app: App
    public let files: SourceFiles
    public let environment: Environment
    /// The command named in each file's header, e.g. `swift run infra synth`.
    public let command: String
    /// How the output directory is spelled in the printed deploy commands.
    public var outDirectoryName = "out"
    /// The day synthesis runs on; tests pin it.
    public var today = CalendarDate.today()

    public init(app: App, files: SourceFiles, environment: Environment, command: String) {
        self.app = app
        self.files = files
        self.environment = environment
        self.command = command
    }

    public struct Result: Sendable {
        public var files: [GeneratedFile] = []
        /// Keyed by the file's relative path.
        public var templates: [String: Template] = [:]
        public var diagnostics: [Diagnostic] = []
        /// Every stack of the app, producers before consumers.
        public var deploymentOrder: [String] = []
        /// Stack -> the stacks it imports from.
        public var dependencies: [String: [String]] = [:]
        /// How to deploy each template, keyed like `templates`.
        public var deployCommands: [String: DeployCommand] = [:]

        public var hasErrors: Bool { diagnostics.hasErrors }

        public init() {}
    }

    /// Where this environment's files go inside out/: the default environment at the top,
    /// each other environment in a folder of its name.
    public var directoryPrefix: String {
        app.isDefault(environment) ? "" : environment.name + "/"
    }

    /// Runs every stage for the given stacks (all when nil), collecting every diagnostic.
    public func run(stacks names: [String]? = nil) -> Result {
        var result = Result()
        let instance = app.instantiate(in: environment)
        let synthesizer = Synthesizer(files: files, today: today)

        // Synthesize every stack, selected or not: a selected stack may import from the others.
        var units: [(stack: StackBuilder, flavor: Flavor, template: Template, diagnostics: [Diagnostic])] = []
        for stack in instance.stacks {
            for flavor in stack.flavors {
                let synthesized = synthesizer.synthesize(stack, flavor: flavor)
                units.append((stack, flavor, synthesized.template, synthesized.diagnostics))
            }
        }

        var seenStacks = Set<String>()
        for stack in instance.stacks where !seenStacks.insert(stack.name).inserted {
            result.diagnostics.append(Diagnostic(.error, stack: stack.name, "two stacks of the app are named '\(Diagnostic.abbreviated(stack.name))'"))
        }
        // Names become file names (out/<env>/<stack>.yaml): a bad one is never written anywhere.
        let badNames = nameDiagnostics(instance.stacks.map(\.name))
        result.diagnostics += badNames
        let unwritable = Set(badNames.map(\.stack) + (badNames.contains { $0.stack == "\"\"" } ? [""] : []))

        var linker = CrossStackLinker(deployedNames: Dictionary(instance.stacks.map { ($0.name, environment.deployedName(of: $0.name)) }, uniquingKeysWith: { first, _ in first }))
        for index in units.indices {
            linker.link(&units[index].template, consumer: units[index].stack.name)
        }
        for index in units.indices {
            linker.addExports(to: &units[index].template, producer: units[index].stack.name)
        }
        result.dependencies = linker.dependencies
        let (order, cycle) = DeploymentOrder.order(instance.stacks.map(\.name), dependencies: linker.dependencies)
        result.deploymentOrder = order
        if let cycle {
            result.diagnostics.append(Diagnostic(.error, stack: cycle.joined(separator: ", "),
                "the stacks import from each other in a cycle (\(cycle.joined(separator: " -> "))); CloudFormation cannot deploy any of them first"))
        }

        // Export names and fixed resource names are unique per account and region across
        // stacks too. A stack's flavors are alternatives with the same outputs: one of each counts.
        var exporting: [ExportNameRule.StackExports] = []
        var deployed: [(stack: String, template: Template)] = []
        for unit in units where !exporting.contains(where: { $0.stack == unit.stack.name }) {
            exporting.append(.init(stack: unit.stack.name, deployedName: environment.deployedName(of: unit.stack.name), outputs: unit.template.outputs))
            deployed.append((unit.stack.name, unit.template))
        }
        let clashes = ExportNameRule.checkAcrossStacks(exporting) + PhysicalNameRule.check(deployed)

        for unit in units where names?.contains(unit.stack.name) ?? true {
            var elsewhere: [String: String] = [:]
            for other in units where other.stack.name != unit.stack.name {
                for resource in other.template.resources { elsewhere[resource.logicalID] = other.stack.name }
            }
            var diagnostics = unit.diagnostics
            diagnostics += Validator.validate(unit.template, stack: unit.stack.name, elsewhere: elsewhere, reported: unit.diagnostics)
            diagnostics += clashes.filter { $0.stack == unit.stack.name }
            let path = directoryPrefix + unit.stack.name + unit.flavor.fileSuffix
            result.templates[path] = unit.template
            if !diagnostics.hasErrors && !unwritable.contains(unit.stack.name) && !unwritable.contains(environmentLabel) {
                do {
                    let file = try emit(unit.template, stack: unit.stack.name, flavor: unit.flavor, path: path)
                    if file.contents.utf8.count > Quota.templateBodyBytes {
                        diagnostics.append(Diagnostic(.error, stack: unit.stack.name,
                            "the \(unit.flavor == .sam ? "SAM " : "")template is \(file.contents.utf8.count) bytes; CloudFormation accepts at most \(Quota.templateBodyBytes) bytes in a template body (upload it to S3 or split the stack)"))
                    }
                    result.files.append(file)
                    let deploy = DeployCommand(
                        template: unit.template, deployedName: environment.deployedName(of: unit.stack.name), environment: environment,
                        templatePath: outDirectoryName + "/" + path, parameterFilePath: outDirectoryName + "/" + directoryPrefix + unit.stack.name + ".parameters.json")
                    result.deployCommands[path] = deploy
                    // One parameter file per stack: its flavors take the same parameters.
                    if unit.flavor == unit.stack.flavors.first {
                        result.files.append(GeneratedFile(stack: unit.stack.name, flavor: unit.flavor,
                            relativePath: directoryPrefix + unit.stack.name + ".parameters.json", contents: deploy.parameterFile))
                    }
                } catch {
                    diagnostics.append(Diagnostic(.error, stack: unit.stack.name, "could not render the template: \(error)"))
                }
            }
            result.diagnostics += dedupe(diagnostics, seen: result.diagnostics)
        }
        return result
    }

    /// How diagnostics about the environment itself name it.
    var environmentLabel: String { "environment \(environment.name)" }

    /// A stack or environment name that CloudFormation rejects or that is not a safe file name.
    private func nameDiagnostics(_ stacks: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let problem = NameRules.environmentNameProblem(environment.name) {
            diagnostics.append(Diagnostic(.error, stack: environmentLabel, problem))
        }
        var seen = Set<String>()
        for stack in stacks where seen.insert(stack).inserted {
            if let problem = NameRules.stackNameProblem(stack) {
                diagnostics.append(Diagnostic(.error, stack: stack.isEmpty ? "\"\"" : stack, problem))
            } else if let problem = NameRules.stackNameProblem(environment.deployedName(of: stack)) {
                diagnostics.append(Diagnostic(.error, stack: stack,
                    "in environment \(environment.name), the stack is deployed as '\(environment.deployedName(of: stack))' (its name and the environment's nameSuffix '\(environment.nameSuffix)'): \(problem); change the nameSuffix"))
            }
        }
        return diagnostics
    }

    private func emit(_ template: Template, stack: String, flavor: Flavor, path: String) throws(YAMLError) -> GeneratedFile {
        let node = try TemplateRenderer.render(template)
        let yaml = try Emitter().emit(node)
        let contents = GeneratedFile.header(command: command) + "\n" + yaml
        return GeneratedFile(stack: stack, flavor: flavor, relativePath: path, contents: contents)
    }

    /// Flavors of one stack share most diagnostics; each is reported once.
    private func dedupe(_ diagnostics: [Diagnostic], seen: [Diagnostic]) -> [Diagnostic] {
        var known = Set(seen)
        return diagnostics.filter { known.insert($0).inserted }
    }
}

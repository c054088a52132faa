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
    /// Keep the node tree each template's text is emitted from (`Result.trees`), for a caller
    /// that reads the templates in the same process (`infra diff`) and so need not parse the
    /// text back (a tenth of a diff of two 460 KB templates).
    public var keepsTemplateTrees = false

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
        /// The node tree each written template's text was emitted from, keyed like `templates`;
        /// only with `keepsTemplateTrees`.
        public var trees: [String: Node] = [:]
        /// Every file the app's stacks make in this environment's folder, selected or not, valid
        /// or not (see `expectedPaths(of:prefix:)`): anything else there is obsolete.
        public var expectedPaths: Set<String> = []

        public var hasErrors: Bool { diagnostics.hasErrors }

        public init() {}
    }

    struct Unit {
        let stack: StackBuilder
        let flavor: Flavor
        var template: Template
        let diagnostics: [Diagnostic]
        let assetBuilds: [AssetBuild]
        let needsPackaging: Bool
    }

    /// Where the templates' local paths are computed from, when not `outDirectoryName`:
    /// `synth --check --out DIR` outside the root compares with what synth writes to the app's
    /// own output directory, so the paths are those of that directory.
    public var layoutDirectoryName: String?

    /// The folder this environment's templates are written to, relative to the project root
    /// (`out`, `out/dev`): local paths in the templates are relative to it. An absolute output
    /// directory outside the root is taken as `out`.
    public var templateDirectory: String {
        var out = layoutDirectoryName ?? outDirectoryName
        if out.hasPrefix("/") {
            let root = files.root.hasSuffix("/") ? files.root : files.root + "/"
            out = out.hasPrefix(root) ? String(out.dropFirst(root.count)) : "out"
        }
        let parts = CodeAsset.normalized(out + "/" + directoryPrefix)
        return parts.joined(separator: "/")
    }

    /// Where this environment's files go inside out/: the default environment at the top,
    /// each other environment in a folder of its name.
    public var directoryPrefix: String {
        app.isDefault(environment) ? "" : environment.name + "/"
    }

    /// The files an app instance's top-level `stacks` make in an environment's folder (`prefix`):
    /// each flavor's template of each stack and of the stacks nested in it, and each stack's
    /// parameter file.
    public static func expectedPaths(of stacks: [StackBuilder], prefix: String) -> Set<String> {
        var paths = Set<String>()
        for stack in stacks {
            for flavor in stack.flavors {
                for member in stack.selfAndDescendants {
                    paths.insert(prefix + member.fileStem + flavor.fileSuffix)
                }
            }
            paths.insert(prefix + stack.name + ".parameters.json")
        }
        return paths
    }

    /// Runs every stage for the given stacks (all when nil), collecting every diagnostic.
    public func run(stacks names: [String]? = nil) -> Result {
        var result = Result()
        let instance = app.instantiate(in: environment)
        result.expectedPaths = Self.expectedPaths(of: instance.stacks, prefix: directoryPrefix)

        // Synthesize every stack, selected or not: a selected stack may import from the others.
        // A stack and the stacks nested in it are synthesized together, and the references
        // between them linked (parameters and outputs), before the cross-stack linking.
        var synthesizer = Synthesizer(files: files, today: today)
        synthesizer.templateDirectory = templateDirectory
        var units: [Unit] = []
        var depthProblems: [Diagnostic] = []
        for stack in instance.stacks {
            let tree = stack.selfAndDescendants
            for member in tree where member.depth > Quota.nestingDepth && stack.flavors.first != nil {
                depthProblems.append(Diagnostic(.error, stack: member.name,
                    "the stack is nested \(member.depth) levels deep; infra allows at most \(Quota.nestingDepth) (CloudFormation documents no limit, but each level adds a parameter or output hop and a stack operation): flatten the nesting"))
            }
            for flavor in stack.flavors {
                var templates: [String: Template] = [:]
                var synthesized: [String: Synthesizer.Result] = [:]
                for member in tree {
                    let result = synthesizer.synthesize(member, flavor: flavor)
                    templates[member.name] = result.template
                    synthesized[member.name] = result
                }
                NestedStackLinker.link(tree: tree, templates: &templates)
                for member in tree {
                    guard let template = templates[member.name], let result = synthesized[member.name] else { continue }
                    units.append(Unit(stack: member, flavor: flavor, template: template, diagnostics: result.diagnostics,
                                      assetBuilds: result.assetBuilds, needsPackaging: result.needsPackaging))
                }
            }
        }
        result.diagnostics += depthProblems

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
        // A nested stack's imports are its top-level stack's: that is the stack deployed.
        var dependencies: [String: [String]] = [:]
        for (consumer, producers) in linker.dependencies.sorted(by: { $0.key < $1.key }) {
            let root = units.first { $0.stack.name == consumer }?.stack.root.name ?? consumer
            for producer in producers where producer != root && !(dependencies[root] ?? []).contains(producer) {
                dependencies[root, default: []].append(producer)
            }
        }
        result.dependencies = dependencies
        let (order, cycle) = DeploymentOrder.order(instance.stacks.map(\.name), dependencies: dependencies)
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

        // Two templates of the app must not share a file (a nested stack named like a flavor).
        var pathOwners: [String: String] = [:]
        for unit in units {
            let path = directoryPrefix + unit.stack.fileStem + unit.flavor.fileSuffix
            if let other = pathOwners[path], other != unit.stack.name {
                // Said of the nested one: that is the name to change.
                let (nested, owner) = unit.stack.parent != nil ? (unit.stack.name, other) : (other, unit.stack.name)
                result.diagnostics.append(Diagnostic(.error, stack: nested,
                    "its template would be written to \(path), the file of \(owner); rename the nested stack"))
            }
            pathOwners[path] = unit.stack.name
        }

        for unit in units where names?.contains(unit.stack.root.name) ?? true {
            var elsewhere: [String: String] = [:]
            for other in units where other.stack.name != unit.stack.name {
                for resource in other.template.resources { elsewhere[resource.logicalID] = other.stack.name }
            }
            var diagnostics = unit.diagnostics
            diagnostics += Validator.validate(unit.template, stack: unit.stack.name, elsewhere: elsewhere, reported: unit.diagnostics)
            diagnostics += clashes.filter { $0.stack == unit.stack.name }
            let path = directoryPrefix + unit.stack.fileStem + unit.flavor.fileSuffix
            result.templates[path] = unit.template
            if !diagnostics.hasErrors && !unwritable.contains(unit.stack.root.name) && !unwritable.contains(environmentLabel) {
                do {
                    let (file, node) = try emit(unit.template, stack: unit.stack.name, flavor: unit.flavor, path: path)
                    let size = file.contents.utf8.count
                    let sizeProblems = sizeDiagnostics(size, unit: unit)
                    diagnostics += sizeProblems
                    if sizeProblems.hasErrors {
                        result.diagnostics += dedupe(diagnostics, seen: result.diagnostics)
                        continue
                    }
                    result.files.append(file)
                    if let node { result.trees[path] = node }
                    // A nested stack is deployed by its parent: no command, no parameter file.
                    guard unit.stack.parent == nil else {
                        result.diagnostics += dedupe(diagnostics, seen: result.diagnostics)
                        continue
                    }
                    let tree = units.filter { $0.flavor == unit.flavor && $0.stack.root === unit.stack }
                    let packaging = packaging(tree: tree, size: size, path: path)
                    let deploy = DeployCommand(
                        template: unit.template, deployedName: environment.deployedName(of: unit.stack.name), environment: environment,
                        templatePath: outDirectoryName + "/" + path, parameterFilePath: outDirectoryName + "/" + directoryPrefix + unit.stack.name + ".parameters.json",
                        nestedTemplates: tree.dropFirst().map(\.template), packaging: packaging)
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

    /// Over 51,200 bytes a template cannot go in the request body: a warning (the deploy
    /// command uploads it); over the S3 limit it cannot deploy at all: an error naming the
    /// largest resources. A nested stack's template is always uploaded by the package step.
    private func sizeDiagnostics(_ size: Int, unit: Unit) -> [Diagnostic] {
        let what = "the \(unit.flavor == .sam ? "SAM " : "")template"
        if size > Quota.templateURLBytes {
            let largest = Self.largestResources(of: unit.template, count: 3)
                .map { "\($0.logicalID) (\($0.bytes) bytes)" }.joined(separator: ", ")
            return [Diagnostic(.error, stack: unit.stack.name,
                "\(what) is \(size) bytes; CloudFormation accepts at most \(Quota.templateURLBytes) bytes even from S3. The largest resources: \(largest). Move resources into a nested stack (stack.nested(\"Name\") { child in ... }) or split the stack")]
        }
        if size > Quota.templateBodyBytes && unit.stack.parent == nil {
            return [Diagnostic(.warning, stack: unit.stack.name,
                "\(what) is \(size) bytes, over the \(Quota.templateBodyBytes) bytes CloudFormation takes in a request: the deploy command uploads it to S3 first (--s3-bucket)")]
        }
        return []
    }

    /// The resources of a template by their rendered size, largest first.
    static func largestResources(of template: Template, count: Int) -> [(logicalID: String, bytes: Int)] {
        var sizes: [(logicalID: String, bytes: Int)] = []
        for resource in template.resources {
            var single = Template()
            single.resources = [resource]
            let bytes = ((try? TemplateRenderer.render(single)).flatMap { try? Emitter().emit($0) })?.utf8.count ?? 0
            sizes.append((resource.logicalID, bytes))
        }
        return Array(sizes.sorted { ($0.bytes, $1.logicalID) > ($1.bytes, $0.logicalID) }.prefix(count))
    }

    /// How a top-level stack is packaged, or nil when `aws cloudformation deploy` takes it as it is.
    private func packaging(tree: [Unit], size: Int, path: String) -> DeployCommand.Packaging? {
        let needsPackage = tree.contains(where: \.needsPackaging)
        let large = size > Quota.templateBodyBytes
        guard needsPackage || large else { return nil }
        var builds: [AssetBuild] = []
        for unit in tree { for build in unit.assetBuilds where !builds.contains(build) { builds.append(build) } }
        return DeployCommand.Packaging(
            bucket: environment.artifactBucket,
            packagedTemplatePath: needsPackage ? AssetBuild.root + "/packaged/" + path : nil,
            builds: builds)
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

    /// The template's file, and its node tree when `keepsTemplateTrees`; without, no tree is built.
    private func emit(_ template: Template, stack: String, flavor: Flavor, path: String) throws(YAMLError) -> (GeneratedFile, Node?) {
        var node: Node?
        let yaml: String
        if keepsTemplateTrees {
            let tree = try TemplateRenderer.render(template)
            node = tree
            yaml = try Emitter().emit(tree)
        } else {
            yaml = try TemplateRenderer.emit(template)
        }
        let contents = GeneratedFile.header(command: command) + "\n" + yaml
        return (GeneratedFile(stack: stack, flavor: flavor, relativePath: path, contents: contents), node)
    }

    /// Flavors of one stack share most diagnostics; each is reported once.
    private func dedupe(_ diagnostics: [Diagnostic], seen: [Diagnostic]) -> [Diagnostic] {
        var known = Set(seen)
        return diagnostics.filter { known.insert($0).inserted }
    }
}

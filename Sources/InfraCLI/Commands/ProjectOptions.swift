import ArgumentParser
import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport

/// Options shared by every command: where the project is, which environment and stacks.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project root: templates/ is read from it (default: the current directory).")
    var root: String?

    @Option(name: .long, help: "Only this environment (default: every environment the app declares).")
    var env: String?

    @Option(name: .customLong("stack"), help: "Only this stack (repeatable; default: every stack).")
    var stacks: [String] = []

    /// The same choices as plain values (what `synth` without ArgumentParser parses too).
    var selection: ProjectSelection { ProjectSelection(root: root, env: env, stacks: stacks) }

    func validate() throws {
        try selection.validate()
    }

    /// Names every environment the app has, the implicit `default` of an app that declares none included.
    static func unknownEnvironmentMessage(_ name: String, app: App) -> String {
        "unknown environment '\(Diagnostic.abbreviated(name))'; the app has: \(app.allEnvironments.map(\.name).joined(separator: ", "))"
    }

    /// Checks the names against the app, so a typo is a usage error rather than silence.
    func resolve(defaultToAllEnvironments: Bool = true) throws -> Project {
        try selection.resolve(defaultToAllEnvironments: defaultToAllEnvironments)
    }
}

/// The project root, environment and stacks a command was given.
struct ProjectSelection: Equatable {
    var root: String?
    var env: String?
    var stacks: [String] = []

    var rootPath: String { root ?? FileManager.default.currentDirectoryPath }

    func validate() throws {
        if let root, FileSystem.isDirectory(atPath: root) != true {
            throw ValidationError("--root '\(root)' is not a directory")
        }
    }

    /// Checks the names against the app, so a typo is a usage error rather than silence.
    func resolve(defaultToAllEnvironments: Bool = true) throws -> Project {
        let (app, command, outDirectory) = try AppRegistry.shared.current()
        let environments: [Environment]
        if let env {
            guard let environment = app.environment(named: env) else {
                throw ValidationError(ProjectOptions.unknownEnvironmentMessage(env, app: app))
            }
            environments = [environment]
        } else if defaultToAllEnvironments {
            environments = app.allEnvironments
        } else {
            guard let environment = app.environment(named: nil) else {
                throw ValidationError("the app declares no default environment; name one with --env")
            }
            environments = [environment]
        }
        // Building the app to learn its stack names is needed only to check --stack names.
        let known = stacks.isEmpty ? [] : app.instantiate(in: environments[0]).stacks.map(\.name)
        for name in stacks where !known.contains(name) {
            throw ValidationError("unknown stack '\(Diagnostic.abbreviated(name))'; the app has: \(known.joined(separator: ", "))")
        }
        var project = Project(app: app, command: command, root: rootPath, environments: environments, stacks: stacks.isEmpty ? nil : stacks)
        project.outDirectoryName = outDirectory
        return project
    }
}

/// The resolved inputs of a command run.
struct Project {
    let app: App
    let command: String
    let root: String
    let environments: [Environment]
    let stacks: [String]?

    /// The output directory relative to the root (the app's default, or --out), as printed.
    var outDirectoryName = "out"
    /// Where local paths in templates are computed from, when not `outDirectoryName` (see
    /// `SynthesisPipeline.layoutDirectoryName`).
    var layoutDirectoryName: String?

    /// The output directory's path.
    var outDirectoryPath: String {
        outDirectoryName.hasPrefix("/") ? outDirectoryName : FileSystem.joinPath(root, outDirectoryName)
    }

    func pipeline(for environment: Environment) -> SynthesisPipeline {
        var pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: root), environment: environment, command: command)
        pipeline.outDirectoryName = outDirectoryName
        pipeline.layoutDirectoryName = layoutDirectoryName
        return pipeline
    }

    /// Every file the app produces in every environment, relative to out/, as far as it
    /// decides which of `found` (the files in out/) are obsolete. The environments
    /// `synthesized` ran listed theirs; the app is built again for the others only when a
    /// found file is not among those: otherwise no found file can be obsolete anyway.
    func allExpectedPaths(synthesized: SynthesisPipeline.Result, among found: some Collection<String>) -> Set<String> {
        var paths = synthesized.expectedPaths
        guard found.contains(where: { !paths.contains($0) }) else { return paths }
        for environment in app.allEnvironments where !environments.contains(where: { $0.name == environment.name }) {
            paths.formUnion(SynthesisPipeline.expectedPaths(of: app.instantiate(in: environment).stacks,
                                                            prefix: pipeline(for: environment).directoryPrefix))
        }
        return paths
    }

    /// The folders of out/ this run is responsible for ("" is out/ itself).
    var directoryPrefixes: [String] {
        environments.map { pipeline(for: $0).directoryPrefix }
    }

    /// Runs the pipeline for each selected environment and merges the results.
    func run() -> SynthesisPipeline.Result {
        runEach().merged
    }

    /// The merged result, and each environment's deployment order by its folder of out/.
    func runEach() -> (merged: SynthesisPipeline.Result, orders: [String: [String]]) {
        var merged = SynthesisPipeline.Result()
        var orders: [String: [String]] = [:]
        for environment in environments {
            let pipeline = pipeline(for: environment)
            let result = pipeline.run(stacks: stacks)
            orders[pipeline.directoryPrefix] = result.deploymentOrder
            merged.files += result.files
            merged.templates.merge(result.templates) { first, _ in first }
            merged.expectedPaths.formUnion(result.expectedPaths)
            merged.deployCommands.merge(result.deployCommands) { first, _ in first }
            for diagnostic in result.diagnostics where !merged.diagnostics.contains(diagnostic) {
                merged.diagnostics.append(diagnostic)
            }
            if merged.deploymentOrder.isEmpty {
                merged.deploymentOrder = result.deploymentOrder
                merged.dependencies = result.dependencies
            }
        }
        return (merged, orders)
    }
}

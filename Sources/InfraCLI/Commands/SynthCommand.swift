import ArgumentParser
import CloudFormation
import UnifiedDiff

/// `infra synth`: writes out/<stack>.yaml for each stack, atomically, and only when every
/// stack validates; `--check` writes nothing and reports what is stale.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write the templates to out/ (or check that out/ is up to date).",
        discussion: InfraExit.summary
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The output directory, relative to the project root (default: out).")
    var out: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when out/ is stale.")
    var check = false

    func run() throws {
        var project = try project.resolve()
        if let out { project.outDirectoryName = out }
        let result = project.run()
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors {
            printError("nothing was written")
            throw InfraExit.invalidInput
        }

        let directory = OutputDirectory(path: project.outDirectoryPath)
        let existing = directory.existingTemplates(in: project.directoryPrefixes)
        let expected = project.allExpectedPaths
        // With --stack, other stacks' files are neither rewritten nor obsolete.
        let obsolete = project.stacks == nil ? existing.keys.filter { !expected.contains($0) }.sorted() : []
        let changed = result.files.filter { existing[$0.relativePath] != $0.contents }
        let displayDirectory = project.outDirectoryName

        if check {
            for file in changed {
                let old = existing[file.relativePath] ?? ""
                let name = "\(displayDirectory)/\(file.relativePath)"
                print(UnifiedDiff.diff(old, file.contents, oldName: existing[file.relativePath] == nil ? "/dev/null" : name, newName: name + " (synthesized)") ?? "")
            }
            for name in obsolete {
                print("\(displayDirectory)/\(name): no stack of the app produces this file any more")
            }
            if changed.isEmpty && obsolete.isEmpty {
                let templates = result.files.filter(\.isTemplate).count
                let parameterFiles = result.files.count - templates
                print("\(displayDirectory)/ is up to date (\(templates) template\(templates == 1 ? "" : "s"), \(parameterFiles) parameter file\(parameterFiles == 1 ? "" : "s"))")
                return
            }
            printError("\(displayDirectory)/ is stale: run `\(project.command)` and commit the result")
            throw InfraExit.changed
        }

        // Only files with our header are ours to remove; anything else is reported and kept.
        // A parameter file (JSON has no comments) goes with its stack's generated template.
        let removableTemplates = obsolete.filter { GeneratedFile.carriesHeader(Substring(existing[$0] ?? "")) }
        let removable = obsolete.filter { name in
            guard name.hasSuffix(".parameters.json") else { return removableTemplates.contains(name) }
            let stem = String(name.dropLast(".parameters.json".count))
            return removableTemplates.contains(stem + Flavor.cloudFormation.fileSuffix) || removableTemplates.contains(stem + Flavor.sam.fileSuffix)
        }
        for name in obsolete where !removable.contains(name) {
            printError("warning: \(displayDirectory)/\(name) is not produced by any stack and has no generator header; left alone")
        }
        do {
            try directory.commit(writing: changed, removing: removable)
        } catch {
            printError("error: \(error.description)")
            throw InfraExit.invalidInput
        }
        for file in result.files {
            print("\(changed.contains(file) ? "wrote" : "unchanged") \(displayDirectory)/\(file.relativePath)")
        }
        for name in removable {
            print("removed \(displayDirectory)/\(name) (no stack produces it any more)")
        }
        printDeployCommands(result)
    }

    /// The exact commands to deploy what was written, producers before consumers.
    private func printDeployCommands(_ result: SynthesisPipeline.Result) {
        let stackOfPath = Dictionary(result.files.map { ($0.relativePath, $0.stack) }, uniquingKeysWith: { first, _ in first })
        func position(_ path: String) -> Int {
            stackOfPath[path].flatMap { result.deploymentOrder.firstIndex(of: $0) } ?? result.deploymentOrder.count
        }
        let paths = result.deployCommands.keys.sorted { (position($0), $0) < (position($1), $1) }
        guard !paths.isEmpty else { return }
        print("\nTo deploy (in this order):")
        for path in paths {
            guard let command = result.deployCommands[path] else { continue }
            print("\n" + command.shellCommand)
        }
    }
}

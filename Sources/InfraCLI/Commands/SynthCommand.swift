import ArgumentParser
import CloudFormation
import Synchronization
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

    @Option(name: .long, help: ArgumentHelp(
        "The output directory (default: out).",
        discussion: "Relative to the project root, or absolute. synth writes and removes files only in a folder strictly inside the project root, with symbolic links resolved, and refuses an output directory that is, or lies under, a symbolic link inside the root, or that has one as an environment folder (it would write or delete through it). --check only reads, so with --check it may be any folder."))
    var out: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when out/ is stale.")
    var check = false

    /// The parsed command line as plain values.
    var request: SynthRequest { SynthRequest(selection: project.selection, out: out, check: check) }

    func run() throws {
        try request.run()
    }

    static func obsoleteReason(_ name: String, _ retiredFolders: [String]) -> String {
        if let folder = retiredFolders.first(where: { name.hasPrefix($0) }) {
            return "the app has no environment '\(folder.dropLast())' any more"
        }
        return "no stack produces it any more"
    }
}

/// What `infra synth` was asked to do, and doing it. Usage errors (`ValidationError`) are
/// thrown before anything is printed or written (`QuickSynth` relies on it).
struct SynthRequest: Equatable {
    var selection = ProjectSelection()
    var out: String?
    var check = false

    /// The last run's result, never freed: the process ends right after a synth, and freeing
    /// every template's model and file object by object cost 2 % of a synth of 500 resources
    /// (5 M instructions; 0.2 M of Cruddur's). Peak memory is the same: it is all allocated
    /// by then. The next run in the same process (tests, which run in parallel: hence the
    /// lock) frees the one before.
    private static let keptUntilExit = Mutex<SynthesisPipeline.Result?>(nil)

    func run() throws {
        try selection.validate()
        var project = try selection.resolve()
        let appDirectory = project.outDirectoryName
        if let out { project.outDirectoryName = out }
        let location: OutputLocation
        do {
            location = try OutputLocation(root: project.root, out: project.outDirectoryName)
        } catch {
            throw ValidationError(error.description)
        }
        project.outDirectoryName = location.display
        // A folder outside the root (--check only) is compared with what synth writes to the
        // app's own folder: local paths in the templates are laid out from there.
        if location.isOutsideRoot { project.layoutDirectoryName = appDirectory }
        let displayDirectory = location.display
        if let reason = location.unsafeReason, !check {
            if location.isOutsideRoot {
                throw ValidationError("--out: \(reason)")
            }
            printError("error: \(reason); nothing was written")
            throw InfraExit.invalidInput
        }
        let directory = OutputDirectory(path: location.path)

        // One synth at a time per project: a repair must never undo a write still under way.
        let lock = location.unsafeReason == nil ? FolderLock(location.root) : nil
        defer { withExtendedLifetime(lock) {} }
        // First, finish or undo a synth that was interrupted (killed, power cut), and clean up.
        // Only where synth may write: with --check elsewhere, nothing is touched.
        if location.unsafeReason == nil {
            do {
                for line in try directory.recover(display: displayDirectory) { printError(line) }
            } catch {
                printError("error: \(error.description)")
                throw InfraExit.invalidInput
            }
        }

        let (result, orders) = project.runEach()
        Self.keptUntilExit.withLock { $0 = result }
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors {
            printError("nothing was written")
            throw InfraExit.invalidInput
        }

        let prefixes = project.directoryPrefixes
        if !check {
            let linked = directory.linkedFolders(among: prefixes)
            if let first = linked.first {
                printError("error: '\(displayDirectory)/\(first.dropLast())' is a symbolic link; synth never writes or removes files through a link in the output directory (it could reach another project's files): replace it with a real folder; nothing was written")
                throw InfraExit.invalidInput
            }
        }
        // A folder of an environment the app no longer has: its files are obsolete too (only
        // when every stack of every environment is synthesized, so that nothing is missed).
        let everything = project.stacks == nil && project.environments.count == project.app.allEnvironments.count
        let retiredFolders = everything ? directory.otherFolders(than: Set(prefixes)) : []
        let existing = directory.existingTemplates(in: prefixes + retiredFolders)
        // With --stack, other stacks' files are neither rewritten nor obsolete.
        let expected = project.stacks == nil ? project.allExpectedPaths(synthesized: result, among: existing.keys) : []
        let obsolete = project.stacks == nil ? existing.keys.filter { !expected.contains($0) }.sorted() : []
        let changed = result.files.filter { existing[$0.relativePath] != $0.contents }

        if check {
            for file in changed {
                let old = existing[file.relativePath] ?? ""
                let name = "\(displayDirectory)/\(file.relativePath)"
                print(UnifiedDiff.diff(old, file.contents, oldName: existing[file.relativePath] == nil ? "/dev/null" : name, newName: name + " (synthesized)") ?? "")
            }
            for name in obsolete {
                print("\(displayDirectory)/\(name): \(SynthCommand.obsoleteReason(name, retiredFolders))")
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
            print("removed \(displayDirectory)/\(name) (\(SynthCommand.obsoleteReason(name, retiredFolders)))")
        }
        // A retired environment's folder that is now empty goes too.
        for folder in retiredFolders where OutputDirectory.names(in: directory.full(String(folder.dropLast()))).isEmpty {
            if SystemCall.removeDirectory(directory.full(String(folder.dropLast()))) == nil {
                print("removed \(displayDirectory)/\(folder) (empty)")
            }
        }
        let instructions = DeployInstructions(result: result, environmentPrefixes: prefixes, orders: orders).text
        if !instructions.isEmpty { print(instructions) }
    }
}

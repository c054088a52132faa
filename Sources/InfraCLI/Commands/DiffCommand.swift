import ArgumentParser
import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport
import InfraYAML
import TemplateDiff

/// `infra diff`: what CloudFormation will do with the changes between the previous
/// templates (out/, or --against) and the freshly synthesized ones.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what CloudFormation will do with the changes since out/ (or --against).",
        discussion: """
            For each stack: resources added, removed and changed, with each changed property's \
            old and new value and whether CloudFormation updates in place or replaces; likewise \
            parameters, outputs and conditions. Replacements, data loss and updates that \
            CloudFormation will reject are called out. With --deployed, the previous side is each \
            stack's deployed template (through the aws CLI; AWS_PROFILE, AWS_REGION and \
            AWS_ENDPOINT_URL are honoured). --format markdown is one sticky pull-request comment.

            Exit codes:
              0  nothing changed
              1  changes, all safe (or allowed with --allow-replacement)
              2  invalid input: the app has errors, or a previous template cannot be read
              3  a change replaces a resource, loses data or will fail
              4  --deployed: the aws CLI failed
              64 usage error
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case markdown
        case json
    }

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The previous templates: a file or a directory (default: out/ and its environment folders).")
    var against: String?

    @Flag(name: .long, help: "Compare with each stack's deployed template (get-template --template-stage Original) through the aws CLI; a stack that does not exist yet is all additions.")
    var deployed = false

    @Option(name: .long, help: "text (coloured on a terminal), markdown (for a pull request) or json.")
    var format: Format = .text

    @Option(name: .customLong("allow-replacement"), help: "Accept a replacement or data loss of this resource (LogicalID or Stack/LogicalID; repeatable).")
    var allowReplacement: [String] = []

    func validate() throws {
        if deployed && against != nil {
            throw ValidationError("--deployed and --against name two different previous sides; give one")
        }
        if let against, !FileManager.default.fileExists(atPath: against) {
            throw ValidationError("--against '\(against)' does not exist")
        }
    }

    func run() throws {
        // --against names one set of templates, so it is compared with one environment.
        // --deployed reads one environment's stacks (the default, or --env), as deploy does.
        let project = try project.resolve(defaultToAllEnvironments: against == nil && !deployed)
        var output: [String] = []
        var exitCode: Int32 = 0
        var changedResources = Set<String>()
        for environment in project.environments {
            var pipeline = project.pipeline(for: environment)
            pipeline.keepsTemplateTrees = true
            let result = pipeline.run(stacks: project.stacks)
            DiagnosticPrinter.print(result.diagnostics)
            if result.hasErrors { throw InfraExit.invalidInput }

            let prefix = pipeline.directoryPrefix
            var fresh: [String: String] = [:]
            // The trees the fresh texts were emitted from: compared without parsing the texts.
            var freshTrees: [String: Node] = [:]
            for file in result.files where file.isTemplate && file.relativePath.hasPrefix(prefix) {
                let name = String(file.relativePath.dropFirst(prefix.count).dropLast(".yaml".count))
                fresh[name] = file.contents
                freshTrees[name] = result.trees[file.relativePath]
            }
            let report: DiffReport
            do {
                if deployed {
                    let (previous, names) = try deployedTemplates(environment: environment, project: project, fresh: fresh)
                    report = try DiffReport.compare(old: previous, new: fresh, newTrees: freshTrees, stacks: names)
                } else {
                    let previous = try previousTemplates(prefix: prefix, project: project, fresh: fresh)
                    // A single --against file is compared with its one template only.
                    let names = against != nil && FileSystem.isDirectory(atPath: against ?? "") != true
                        ? Array(previous.keys) : selectedNames(project, fresh: fresh)
                    report = try DiffReport.compare(old: previous, new: fresh, newTrees: freshTrees, stacks: names)
                }
            } catch let error as ValidationError {
                throw error
            } catch let error as CloudFormationError {
                printError("error: " + TerminalText.escaped(error.description))
                throw InfraExit.deployFailed
            } catch {
                printError("error: " + Self.shortened(Display.visible(String(describing: error))))
                throw InfraExit.invalidInput
            }
            let rendered = report.render(renderFormat)
            if project.environments.count > 1 && format != .json {
                output.append((format == .markdown ? "## " : "== ") + "environment \(environment.name)\n\n" + rendered)
            } else {
                output.append(rendered)
            }
            exitCode = max(exitCode, report.exitCode(allowingReplacementOf: Set(allowReplacement)))
            for stack in report.stacks {
                for resource in stack.resources {
                    changedResources.insert(resource.logicalID)
                    changedResources.insert("\(stack.stack)/\(resource.logicalID)")
                }
            }
        }
        // A misspelt name allows nothing (the safe way to fail), but should not pass unnoticed.
        for name in allowReplacement where !changedResources.contains(name) {
            printError("warning: --allow-replacement \(name) matches no changed resource")
        }
        print(output.joined(separator: "\n"), terminator: output.last?.hasSuffix("\n") == true ? "" : "\n")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    private var renderFormat: DiffFormat {
        switch format {
        case .text: .text(color: standardOutputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .markdown: .markdown
        case .json: .json
        }
    }

    /// The previous side: out/ (this environment's folder) by default, else --against.
    private func previousTemplates(prefix: String, project: Project, fresh: [String: String]) throws -> [String: String] {
        guard let against else {
            let folder = FileSystem.joinPath(project.outDirectoryPath, prefix)
            return FileManager.default.fileExists(atPath: folder) ? try TemplateFiles.read(at: folder) : [:]
        }
        if FileSystem.isDirectory(atPath: against) == true { return try TemplateFiles.read(at: against) }
        // One file: the previous version of one template. Of the selected stacks' templates
        // (both flavors of a stack that has a SAM one), the one whose flavor the file has:
        // a SAM template declares the SAM transform.
        let text = try TemplateFiles.text(ofFileAt: against)
        let candidates = selectedNames(project, fresh: fresh) ?? fresh.keys.sorted()
        var matching = candidates
        if candidates.count > 1 {
            let isSAM = try TemplateDocument(text: text, source: against).isSAM
            matching = try candidates.filter { name in
                try TemplateDocument(text: fresh[name] ?? "", source: "\(name) (new)").isSAM == isSAM
            }
        }
        guard matching.count == 1, let only = matching.first else {
            var stacks: [String] = []
            for name in candidates.map(Self.stackName) where !stacks.contains(name) { stacks.append(name) }
            throw ValidationError("--against names one file, which may be the previous template of \(stacks.count) stacks (\(stacks.joined(separator: ", "))); select its stack with --stack")
        }
        return [only: text]
    }

    /// `stack.sam` -> `stack`: what --stack takes.
    private static func stackName(_ templateName: String) -> String {
        templateName.hasSuffix(".sam") ? String(templateName.dropLast(".sam".count)) : templateName
    }

    /// An error message of reasonable length, however long the input it quotes.
    static func shortened(_ message: String, limit: Int = 2000) -> String {
        guard message.count > limit else { return message }
        return message.prefix(limit) + "… (\(message.count) characters)"
    }

    /// Each selected stack's deployed template (as submitted: SAM before its transform), keyed
    /// by the fresh template it is compared with: the SAM flavor when the deployed one is SAM
    /// and the stack has that flavor, else the CloudFormation flavor. A stack that does not
    /// exist has no previous template: all additions.
    private func deployedTemplates(environment: Environment, project: Project, fresh: [String: String]) throws -> ([String: String], [String]) {
        let client = DeployRuntime.client(region: environment.region)
        let stacks = Set(fresh.keys.map { $0.hasSuffix(".sam") ? String($0.dropLast(4)) : $0 })
            .filter { project.stacks?.contains($0) ?? true }.sorted()
        var previous: [String: String] = [:]
        var names: [String] = []
        for stack in stacks {
            let deployedName = environment.deployedName(of: stack)
            // A stack that only a CREATE change set made (REVIEW_IN_PROGRESS) is not deployed.
            let exists = try client.describeStack(deployedName).map { !$0.isReviewOnly } ?? false
            let live = exists ? try client.originalTemplate(deployedName) : nil
            let isSAM = live.map { $0.contains("AWS::Serverless-2016-10-31") } ?? false
            let name = (isSAM && fresh[stack + ".sam"] != nil) || fresh[stack] == nil ? stack + ".sam" : stack
            names.append(name)
            if let live { previous[name] = live }
        }
        return (previous, names)
    }

    /// The template names (`stack` or `stack.sam`) of the selected stacks; nil for all.
    private func selectedNames(_ project: Project, fresh: [String: String]) -> [String]? {
        guard let stacks = project.stacks else { return nil }
        // A stack's nested stacks (`stack.Child`, `stack.Child.sam`) go with it.
        return fresh.keys.filter { name in stacks.contains { name == $0 || name == $0 + ".sam" || name.hasPrefix($0 + ".") } }.sorted()
    }
}

import ArgumentParser
import CloudFormation
import FileSupport
import TemplateDiff

/// `infra validate`: synthesizes and validates without writing; prints every diagnostic.
/// With `--template FILE`, validates template files instead, without the app.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Print the diagnostics of every stack (or of --template files); exit 2 if any is an error.",
        discussion: InfraExit.summary
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("template"), help: ArgumentHelp(
        "A template file (YAML or JSON) to validate instead of the app's stacks (repeatable).",
        discussion: "Its stack name in diagnostics is the file name without its extension.",
        valueName: "file"))
    var templates: [String] = []

    func validate() throws {
        if !templates.isEmpty && (project.env != nil || !project.stacks.isEmpty) {
            throw ValidationError("--template validates files, not the app: it cannot be combined with --env or --stack")
        }
    }

    func run() throws {
        if !templates.isEmpty { return try validateFiles() }
        let project = try project.resolve()
        let result = project.run()
        DiagnosticPrinter.print(result.diagnostics + Self.retentionWarnings(result, outDirectory: project.outDirectoryPath))
        if result.hasErrors {
            throw InfraExit.invalidInput
        }
        let templates = result.files.filter(\.isTemplate).count
        print("\(templates) template\(templates == 1 ? "" : "s") valid")
    }

    /// A stateful resource whose committed template keeps it (Retain) and whose new one does
    /// not: not an error (it may be meant), but never silent.
    static func retentionWarnings(_ result: SynthesisPipeline.Result, outDirectory: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for file in result.files where file.isTemplate {
            let path = FileSystem.joinPath(outDirectory, file.relativePath)
            guard let bytes = OutputDirectory.read(path), let committed = String(validating: bytes, as: UTF8.self),
                  let report = try? DiffReport.compare(old: [file.stack: committed], new: [file.stack: file.contents]) else { continue }
            for stack in report.stacks {
                for finding in stack.findings where finding.kind == .retentionRemoved {
                    warnings.append(Diagnostic(.warning, stack: file.stack, element: finding.logicalID,
                                               "\(finding.message) (compared with \(file.relativePath) in the output directory)"))
                }
            }
        }
        return warnings
    }

    /// Every file is read and checked before the exit, so one run shows every problem.
    private func validateFiles() throws {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        for path in templates {
            do {
                diagnostics += try TemplateFile(path: path).diagnostics
            } catch {
                printError("error: \(error)")
                unreadable = true
            }
        }
        DiagnosticPrinter.print(diagnostics)
        if unreadable || diagnostics.hasErrors {
            throw InfraExit.invalidInput
        }
        print("\(templates.count) template\(templates.count == 1 ? "" : "s") valid")
    }
}

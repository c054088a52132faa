import ArgumentParser
import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport
import TemplateDiff

/// `infra validate`: synthesizes and validates without writing; prints every diagnostic.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Print the diagnostics of every stack; exit 2 if any is an error.",
        discussion: InfraExit.summary
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let project = try project.resolve()
        let result = project.run()
        DiagnosticPrinter.print(result.diagnostics + retentionWarnings(result, outDirectory: project.outDirectoryPath))
        if result.hasErrors {
            throw InfraExit.invalidInput
        }
        let templates = result.files.filter(\.isTemplate).count
        print("\(templates) template\(templates == 1 ? "" : "s") valid")
    }

    /// A stateful resource whose committed template keeps it (Retain) and whose new one does
    /// not: not an error (it may be meant), but never silent.
    private func retentionWarnings(_ result: SynthesisPipeline.Result, outDirectory: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for file in result.files where file.isTemplate {
            let path = FileSystem.joinPath(outDirectory, file.relativePath)
            guard let data = FileManager.default.contents(atPath: path), let committed = String(data: data, encoding: .utf8),
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
}

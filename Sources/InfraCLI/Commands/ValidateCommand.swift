import ArgumentParser
import CloudFormation

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
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors {
            throw InfraExit.invalidInput
        }
        let templates = result.files.filter(\.isTemplate).count
        print("\(templates) template\(templates == 1 ? "" : "s") valid")
    }
}

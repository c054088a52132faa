import ArgumentParser
import CloudFormation

/// `infra diff`: placeholder until the diff engine lands (wired by the TemplateDiff module).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what CloudFormation will do with the changes since out/."
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        throw CLIError("diff is not available yet")
    }
}

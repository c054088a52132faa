import ArgumentParser

/// `infra`: synthesize, list, validate and diff an app's CloudFormation templates.
struct InfraCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infra",
        abstract: "Typed AWS infrastructure in Swift, rendered to CloudFormation and SAM YAML.",
        discussion: InfraExit.summary,
        subcommands: [SynthCommand.self, ListCommand.self, ValidateCommand.self, DiffCommand.self, DeployStacksCommand.self, SchemaCommand.self],
        defaultSubcommand: nil
    )
}

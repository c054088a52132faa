import ArgumentParser
import AWSResources
import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport

/// `infra schema`: the `create-table --cli-input-json` input of a table, from the same
/// definition as the templates, for a development DynamoDB.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the `aws dynamodb create-table --cli-input-json` input of a table.",
        discussion: """
            The JSON describes the table exactly as the template does (keys, attribute definitions, \
            indexes, billing, stream), e.g.:
              infra schema --env dev --table Messages > messages.json
              aws dynamodb create-table --endpoint-url http://localhost:8000 --cli-input-json file://messages.json

            \(InfraExit.summary)
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The table: its logical ID or its table name (needed when the app has more than one).")
    var table: String?

    @Option(name: .long, help: "Write the JSON to this file instead of standard output.")
    var output: String?

    func run() throws {
        let project = try project.resolve(defaultToAllEnvironments: false)
        let result = project.run()
        DiagnosticPrinter.print(result.diagnostics.filter { $0.severity == .error })
        if result.hasErrors { throw InfraExit.invalidInput }

        var tables: [(stack: String, resource: TemplateResource)] = []
        for (path, template) in result.templates.sorted(by: { $0.key < $1.key }) where !path.hasSuffix(Flavor.sam.fileSuffix) {
            for resource in template.resources where resource.type == TableType.name {
                tables.append((path, resource))
            }
        }
        let matches = tables.filter { table == nil || $0.resource.logicalID == table || $0.resource.properties["TableName"]?.literalString == table }
        guard matches.count == 1, let match = matches.first else {
            let known = tables.map { "\($0.resource.logicalID) (\($0.resource.properties["TableName"]?.literalString ?? "generated name"))" }
            let reason = matches.isEmpty ? "no table matches '\(table ?? "")'" : "the app has \(matches.count) tables; name one with --table"
            throw ValidationError("\(reason); tables: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        let json: String
        do {
            json = try TableSchema.json(for: match.resource)
        } catch {
            printError("error: \(match.stack): \(match.resource.logicalID): \(error.description)")
            throw InfraExit.invalidInput
        }
        if let output {
            do {
                try Data(json.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("error: cannot write '\(output)': \(FileSystem.reason(error))")
                throw InfraExit.invalidInput
            }
        } else {
            print(json, terminator: "")
        }
    }
}

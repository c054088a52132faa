import ArgumentParser
import CloudFormation

/// `infra list`: the stack names in deployment order (a stack after those it imports from).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the app's stacks in deployment order, with what each imports from.",
        discussion: InfraExit.summary
    )

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Print the environments instead, the default first.")
    var environments = false

    func run() throws {
        let project = try project.resolve(defaultToAllEnvironments: false)
        if environments {
            for environment in project.app.allEnvironments {
                print(environment.name)
            }
            return
        }
        let result = project.run()
        let cycles = result.diagnostics.filter { $0.message.contains("in a cycle") }
        DiagnosticPrinter.print(cycles)
        for stack in result.deploymentOrder where project.stacks?.contains(stack) ?? true {
            let imports = result.dependencies[stack] ?? []
            print(imports.isEmpty ? stack : "\(stack) (after \(imports.joined(separator: ", ")))")
        }
        if !cycles.isEmpty {
            throw InfraExit.invalidInput
        }
    }
}

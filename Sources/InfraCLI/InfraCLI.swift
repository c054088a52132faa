import ArgumentParser
import CloudFormation

/// The `infra` command line for any app: another package gets the whole CLI with
///
///     import Infra
///     InfraCLI.main(app: myApp)
public enum InfraCLI {
    /// Runs the CLI for `app` and exits with the command's exit code.
    /// - Parameters:
    ///   - command: how users invoke it, named in each generated file's header.
    ///   - outDirectory: where the templates go, relative to the project root.
    public static func main(app: App, command: String = "swift run infra synth", outDirectory: String = "out") -> Never {
        AppRegistry.shared.set(app: app, command: command, outDirectory: outDirectory)
        // `main()` exits on a failure and returns on success; exit 0 then, so that an app's
        // main.swift can rely on nothing after this call running.
        let arguments: [String]
        do {
            arguments = try ArgumentList.compacted(Array(CommandLine.arguments.dropFirst()))
        } catch {
            InfraCommand.exit(withError: error)
        }
        // A plain `synth` runs without ArgumentParser's start-up cost (see QuickSynth).
        if let request = QuickSynth.request(arguments), let code = QuickSynth.run(request) {
            exitProcess(code.rawValue)
        }
        InfraCommand.main(arguments)
        InfraCommand.exit(withError: ExitCode.success)
    }
}

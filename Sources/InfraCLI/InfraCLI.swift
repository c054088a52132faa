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
        InfraCommand.main()
        // `main()` exits itself; this keeps the signature honest.
        return exit(0)
    }

    private static func exit(_ code: Int32) -> Never {
        InfraCommand.exit(withError: ExitCode(code))
    }
}

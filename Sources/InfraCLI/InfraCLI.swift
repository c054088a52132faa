import ArgumentParser
import CloudFormation

/// The `infra` command line for any app: another package gets the whole CLI with
///
///     import Infra
///     InfraCLI.main(app: myApp)
public enum InfraCLI {
    /// Runs the CLI for `app` and exits with the command's exit code.
    /// - Parameter command: how users invoke it, named in each generated file's header.
    public static func main(app: App, command: String = "swift run infra synth") -> Never {
        AppRegistry.shared.set(app: app, command: command)
        InfraCommand.main()
        // `main()` exits itself; this keeps the signature honest.
        return exit(0)
    }

    private static func exit(_ code: Int32) -> Never {
        InfraCommand.exit(withError: ExitCode(code))
    }
}

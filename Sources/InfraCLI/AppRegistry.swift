import CloudFormation

/// Hands the app to the parsed commands: swift-argument-parser builds commands from
/// arguments alone, so the app is registered once before parsing.
final class AppRegistry: @unchecked Sendable {
    static let shared = AppRegistry()

    private let lock = PThreadMutex()
    private var app: App?
    private var command = "swift run infra synth"
    private var outDirectory = "out"

    func set(app: App, command: String, outDirectory: String = "out") {
        lock.withLock {
            self.app = app
            self.command = command
            self.outDirectory = outDirectory
        }
    }

    func current() throws -> (app: App, command: String, outDirectory: String) {
        try lock.withLock {
            guard let app else {
                throw CLIError("no app is registered; call InfraCLI.main(app:) from your executable")
            }
            return (app, command, outDirectory)
        }
    }
}

/// A failure the CLI reports in one line before exiting with its code.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

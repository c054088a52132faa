import ArgumentParser
import CloudFormation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `infra deploy` and `infra diff --deployed` reach CloudFormation; the tests replace it.
enum DeployRuntime {
    nonisolated(unsafe) static var makeClient: (AWSSettings) -> CloudFormationClient = { AWSCLIClient(settings: $0) }
    nonisolated(unsafe) static var makeConsole: () -> DeployConsole = { TerminalConsole() }

    static func client(region: String?) -> CloudFormationClient {
        makeClient(AWSSettings.fromEnvironment(ProcessEnvironment.variables, environmentRegion: region))
    }
}

/// `infra deploy`: synthesize in memory, then for each selected stack in dependency order
/// create a change set, show it beside our diff, refuse what is not allowed, confirm,
/// execute and watch.
struct DeployStacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy the freshly synthesized stacks through CloudFormation change sets.",
        discussion: """
            Deploys what the Swift definition synthesizes now (as `cdk deploy` does), not what \
            is in out/; the CloudFormation flavor of a stack that has both (--flavor sam for the \
            other). For each selected stack, producers first: create a change set with the \
            capabilities the template needs and the environment's parameters plus --parameter; \
            print `infra diff` against the deployed template beside CloudFormation's answer for \
            each resource, flagging where they disagree; refuse a change that `infra diff` would \
            exit 3 for, or that CloudFormation says replaces a stateful resource, unless \
            --allow-replacement names it; ask on a terminal (else --yes is needed); execute, \
            stream the events and print the outputs. Calls go through the aws CLI (INFRA_AWS_CLI \
            overrides which one), with AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL honoured; an \
            environment's region wins over AWS_REGION.

            Exit codes:
              0  deployed, no changes, or the change set left for review (--no-execute)
              2  invalid input: the app has errors, a parameter has no value, or a
                 template is over 51,200 bytes (an S3 upload is not supported)
              3  refused: a replacement, data loss or failing update not allowed
                 with --allow-replacement (also with --no-execute: the change set is kept)
              4  the aws CLI, the change set or the deployment failed (rolled back),
                 or it did not finish within --timeout
              5  not confirmed (answered no, or no terminal and no --yes)
              64 usage error
            """
    )

    enum FlavorChoice: String, ExpressibleByArgument, CaseIterable {
        case cloudformation
        case sam
    }

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("parameter"), help: "A parameter value, KEY=VALUE (repeatable); wins over the environment's.")
    var parameters: [String] = []

    @Option(name: .customLong("allow-replacement"), help: "Allow replacing this resource (LogicalID or Stack/LogicalID; repeatable).")
    var allowReplacement: [String] = []

    @Flag(name: .long, help: "Deploy without asking (required when standard input is not a terminal).")
    var yes = false

    @Flag(name: .customLong("no-execute"), help: "Create the change set and leave it for review; print its name.")
    var noExecute = false

    @Option(name: .long, help: "The flavor to deploy of a stack written in both (default: cloudformation).")
    var flavor: FlavorChoice?

    @Option(name: .customLong("change-set-name"), help: "The change set's name (default: infra-<UTC time>).")
    var changeSetName: String?

    @Option(name: .customLong("poll-interval"), help: "Seconds between polls of the stack's events (default: 5).")
    var pollInterval: Double = 5

    @Option(name: .long, help: "Seconds to wait for a change set and for a deployment (default: 3600).")
    var timeout: Double = 3600

    func validate() throws {
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw ValidationError("--parameter '\(TerminalText.escaped(parameter))' is not KEY=VALUE")
            }
        }
        if let changeSetName, !Self.isValidChangeSetName(changeSetName) {
            throw ValidationError("--change-set-name '\(TerminalText.escaped(changeSetName))' is not a change set name: a letter, then letters, digits and hyphens, at most 128 characters")
        }
        guard pollInterval >= 0, pollInterval <= 300 else { throw ValidationError("--poll-interval must be between 0 and 300 seconds") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    static func isValidChangeSetName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 128,
              ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `infra-20261130T223000Z`: sortable, unique enough for one person's deploys.
    static func defaultChangeSetName() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "infra-\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    func run() throws {
        let project = try project.resolve(defaultToAllEnvironments: false)
        let environment = project.environments[0]
        let pipeline = project.pipeline(for: environment)
        let result = pipeline.run(stacks: project.stacks)
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors {
            printError("nothing was deployed")
            throw InfraExit.invalidInput
        }

        var given: [String: String] = [:]
        for parameter in parameters {
            let equals = parameter.firstIndex(of: "=")!
            given[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }

        let prefix = pipeline.directoryPrefix
        let selected = result.deploymentOrder.filter { project.stacks?.contains($0) ?? true }
        var targets: [StackDeployment] = []
        var knownParameters = Set<String>()
        var logicalIDs = Set<String>()
        for stack in selected {
            let available = Flavor.allCases.filter { result.templates[prefix + stack + $0.fileSuffix] != nil }
            let chosen: Flavor
            switch flavor {
            case .sam?:
                guard available.contains(.sam) else { throw ValidationError("stack \(stack) has no SAM flavor") }
                chosen = .sam
            case .cloudformation?, nil:
                guard let first = available.contains(.cloudFormation) ? .cloudFormation : available.first else { continue }
                chosen = first
            }
            let path = prefix + stack + chosen.fileSuffix
            guard let template = result.templates[path], let command = result.deployCommands[path],
                  let file = result.files.first(where: { $0.relativePath == path }) else { continue }
            if file.contents.utf8.count > 51_200 {
                printError("error: stack \(stack): the template is \(file.contents.utf8.count) bytes; a template over 51,200 bytes must be uploaded to S3 first, which infra deploy does not do (deploy it with aws cloudformation deploy --s3-bucket)")
                throw InfraExit.invalidInput
            }
            var values = environment.parameters.filter { name, _ in template.parameters.contains { $0.name == name } }
            for (key, value) in given where template.parameters.contains(where: { $0.name == key }) { values[key] = value }
            knownParameters.formUnion(template.parameters.map(\.name))
            logicalIDs.formUnion(template.resources.map(\.logicalID))
            targets.append(StackDeployment(
                stack: stack, deployedName: command.stackName, templateName: stack + (chosen == .sam ? ".sam" : ""),
                templateBody: file.contents, capabilities: command.capabilities,
                parameters: template.parameters.map { ($0.name, $0.defaultValue != nil) }, values: values))
        }
        for key in given.keys.sorted() where !knownParameters.contains(key) {
            throw ValidationError("--parameter \(TerminalText.escaped(key)): no selected stack has this parameter (they have: \(knownParameters.sorted().joined(separator: ", ")))")
        }

        let console = DeployRuntime.makeConsole()
        let deployer = Deployer(
            client: DeployRuntime.client(region: environment.region), console: console,
            settings: DeploySettings(allowReplacement: Set(allowReplacement), assumeYes: yes, noExecute: noExecute,
                                     changeSetName: changeSetName ?? Self.defaultChangeSetName(),
                                     pollInterval: pollInterval, timeout: timeout,
                                     color: standardOutputIsTerminal && ProcessEnvironment.variables["NO_COLOR"] == nil))
        // A misspelt name allows nothing (the safe way to fail), but should not pass unnoticed.
        for name in allowReplacement {
            let id = name.split(separator: "/").last.map(String.init) ?? name
            if !logicalIDs.contains(id) { printError("warning: --allow-replacement \(name) matches no resource of the selected stacks") }
        }
        var exitCode: Int32 = 0
        for (index, target) in targets.enumerated() {
            let outcome: DeployOutcome
            do {
                outcome = try deployer.deploy(target)
            } catch {
                printError("error: " + error.message)
                skipped(targets.dropFirst(index + 1))
                throw ExitCode(error.exitCode)
            }
            switch outcome {
            case .deployed, .noChanges: break
            case .leftForReview(_, let refused):
                if refused { exitCode = max(exitCode, InfraExit.risky.rawValue) }
            case .refused:
                skipped(targets.dropFirst(index + 1))
                throw InfraExit.risky
            case .declined:
                skipped(targets.dropFirst(index + 1))
                throw InfraExit.notConfirmed
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    private func skipped(_ rest: ArraySlice<StackDeployment>) {
        if !rest.isEmpty {
            printError("not deployed: " + rest.map(\.deployedName).joined(separator: ", "))
        }
    }
}

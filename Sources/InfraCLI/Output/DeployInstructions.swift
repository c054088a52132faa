import CloudFormation

/// What `synth` prints after writing: one deploy command per stack and environment, producers
/// before consumers. A stack written in two flavors is still one CloudFormation stack: both
/// commands deploy to the same stack name, so running both would replace the first with the
/// second. The stack's first flavor is the step; the other is shown as an alternative.
struct DeployInstructions {
    struct Step: Equatable {
        let environmentPrefix: String
        let stack: String
        let command: DeployCommand
        let flavor: Flavor
        /// The same stack in its other flavors: deploy one of these instead, not as well.
        let alternatives: [(flavor: Flavor, command: DeployCommand)]

        static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.environmentPrefix == rhs.environmentPrefix && lhs.stack == rhs.stack && lhs.command == rhs.command
                && lhs.flavor == rhs.flavor && lhs.alternatives.map(\.command) == rhs.alternatives.map(\.command)
        }
    }

    let steps: [Step]

    /// - Parameters:
    ///   - environmentPrefixes: out/'s folders in the order environments are listed.
    ///   - orders: each folder's stacks, producers before consumers.
    init(result: SynthesisPipeline.Result, environmentPrefixes: [String], orders: [String: [String]]) {
        var steps: [Step] = []
        // The parameter file is written for the stack's first flavor: that is its preferred one.
        var preferred: [String: Flavor] = [:]
        var flavorOfPath: [String: Flavor] = [:]
        var stackOfPath: [String: String] = [:]
        for file in result.files {
            stackOfPath[file.relativePath] = file.stack
            if file.isTemplate {
                flavorOfPath[file.relativePath] = file.flavor
            } else if let prefix = Self.prefix(of: file.relativePath) {
                preferred[prefix + file.stack] = file.flavor
            }
        }
        for prefix in environmentPrefixes {
            let paths = result.deployCommands.keys.filter { Self.prefix(of: $0) == prefix && stackOfPath[$0] != nil }
            let order = orders[prefix] ?? []
            let stacks = Set(paths.compactMap { stackOfPath[$0] }).sorted {
                (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
            }
            for stack in stacks {
                let candidates = paths.filter { stackOfPath[$0] == stack }.compactMap { path -> (Flavor, DeployCommand)? in
                    guard let flavor = flavorOfPath[path], let command = result.deployCommands[path] else { return nil }
                    return (flavor, command)
                }.sorted { ($0.0 == preferred[prefix + stack] ? 0 : 1, $0.1.templatePath) < ($1.0 == preferred[prefix + stack] ? 0 : 1, $1.1.templatePath) }
                guard let first = candidates.first else { continue }
                steps.append(Step(environmentPrefix: prefix, stack: stack, command: first.1, flavor: first.0,
                                  alternatives: candidates.dropFirst().map { (flavor: $0.0, command: $0.1) }))
            }
        }
        self.steps = steps
    }

    /// The folder part of a path relative to out/ ("" or "dev/"), as the pipeline forms it.
    static func prefix(of relativePath: String) -> String? {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[...slash])
    }

    static func flavorName(_ flavor: Flavor) -> String {
        flavor == .sam ? "SAM" : "CloudFormation"
    }

    /// The lines of a text, as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them. That split compares Characters, where only "\r\n" joins a newline to
    /// anything; without a carriage return, splitting the UTF-8 bytes gives the same lines
    /// without breaking the text into Characters (~700 calls for Cruddur's commands).
    static func lines(of text: String) -> [Substring] {
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The text `synth` prints (empty when there is nothing to deploy).
    var text: String {
        guard !steps.isEmpty else { return "" }
        var lines = ["", steps.count == 1 ? "To deploy:" : "To deploy (one command per stack and environment, in this order):"]
        for (index, step) in steps.enumerated() {
            var about = [String]()
            if step.command.stackName != step.stack { about.append("stack \(step.stack)") }
            if !step.environmentPrefix.isEmpty { about.append("environment \(step.environmentPrefix.dropLast())") }
            lines.append("")
            lines.append("# \(index + 1). \(step.command.stackName)\(about.isEmpty ? "" : " (\(about.joined(separator: ", ")))"): the \(Self.flavorName(step.flavor)) flavor")
            lines.append(step.command.shellCommand)
            for alternative in step.alternatives {
                lines.append("# Alternative, instead of the command above and not after it (both deploy the stack \(step.command.stackName); the second would replace the first): the \(Self.flavorName(alternative.flavor)) flavor")
                lines += Self.lines(of: alternative.command.shellCommand).map { "#   " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}

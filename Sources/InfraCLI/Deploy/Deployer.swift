import TemplateDiff

/// One stack as `infra deploy` deploys it: the freshly synthesized template of one flavor.
struct StackDeployment {
    /// The app's stack name (the template's name in out/).
    var stack: String
    /// The CloudFormation stack name (with the environment's nameSuffix).
    var deployedName: String
    /// `stack` or `stack.sam`: the diff's name for it.
    var templateName: String
    var templateBody: String
    var capabilities: [String]
    /// Every parameter of the template, in template order, and whether it has a Default.
    var parameters: [(name: String, hasDefault: Bool)]
    /// Values from the environment (what synth writes to the parameter file) and --parameter.
    var values: [String: String]
}

struct DeploySettings {
    var allowReplacement: Set<String> = []
    var assumeYes = false
    var noExecute = false
    var changeSetName: String
    /// Seconds between two polls of the stack's events.
    var pollInterval: Double = 5
    /// Seconds to wait for a change set, and for the deployment, before giving up watching.
    var timeout: Double = 3600
    var color = false
}

/// How one stack's deployment ended.
enum DeployOutcome: Equatable {
    case deployed
    case noChanges
    /// `--no-execute`: the change set is left for review; `refused` when executing it would be.
    case leftForReview(changeSet: String, refused: Bool)
    /// Our findings or CloudFormation's stateful replacements are not allowed.
    case refused
    /// Not confirmed: the answer was no, or there is no terminal and no --yes.
    case declined
}

/// Why a deployment stopped, with the exit code it means.
struct DeployFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    var description: String { message }

    static func aws(_ error: CloudFormationError) -> DeployFailure {
        DeployFailure(message: TerminalText.escaped(error.description), exitCode: InfraExit.deployFailed.rawValue)
    }
}

/// Creates a change set, shows it beside our diff, refuses what is not allowed, asks,
/// executes, watches the events and prints the outputs.
struct Deployer {
    let client: CloudFormationClient
    let console: DeployConsole
    let settings: DeploySettings

    func deploy(_ target: StackDeployment) throws(DeployFailure) -> DeployOutcome {
        let name = target.deployedName
        let live: LiveStack?
        do { live = try client.describeStack(name) } catch { throw .aws(error) }
        let exists = live.map { !$0.isReviewOnly } ?? false

        // Our own diff, against the template the stack was last deployed with.
        var previous: [String: String] = [:]
        if exists {
            do {
                if let text = try client.originalTemplate(name) { previous[target.templateName] = text }
            } catch { throw .aws(error) }
        }
        let report: DiffReport
        do {
            report = try DiffReport.compare(old: previous, new: [target.templateName: target.templateBody], stacks: [target.templateName])
        } catch {
            throw DeployFailure(message: "cannot read the deployed template of stack \(name): \(TerminalText.escaped(error.description))",
                                exitCode: InfraExit.invalidInput.rawValue)
        }

        let parameters = try parameterList(target, live: exists ? live : nil)
        let request = ChangeSetRequest(stack: name, name: settings.changeSetName, kind: exists ? .update : .create,
                                       templateBody: target.templateBody, parameters: parameters,
                                       capabilities: target.capabilities, description: "infra deploy of \(target.stack)")
        console.note("stack \(name): creating change set \(settings.changeSetName) (\(request.kind.rawValue))")
        let stackID: String
        do { stackID = try client.createChangeSet(request) } catch { throw .aws(error) }
        let changeSet = try waitForChangeSet(stackID)
        // Not deployed after all: remove the change set, and the empty stack a CREATE made.
        let discard = {
            try? client.deleteChangeSet(stack: stackID, name: settings.changeSetName)
            if request.kind == .create { try? client.deleteStack(stackID) }
        }

        if changeSet.isEmpty {
            console.print("Stack \(name): no changes (CloudFormation: \(TerminalText.escaped(changeSet.statusReason ?? "the change set is empty")))")
            discard()
            return .noChanges
        }
        guard changeSet.status == "CREATE_COMPLETE" else {
            discard()
            throw DeployFailure(message: "stack \(name): the change set is \(changeSet.status): \(TerminalText.escaped(changeSet.statusReason ?? "no reason given"))",
                                exitCode: InfraExit.deployFailed.rawValue)
        }

        // Our diff, then CloudFormation's answer beside it.
        console.print(report.render(.text(color: settings.color)).dropLastNewline)
        let comparison = ChangeComparison(ours: report.stacks.first, theirs: changeSet.changes)
        for line in Self.table(comparison) { console.print(line) }

        // What needs --allow-replacement.
        let allowed = settings.allowReplacement
        let isAllowed = { (id: String) in allowed.contains(id) || allowed.contains("\(target.stack)/\(id)") || allowed.contains("\(name)/\(id)") }
        var refusals: [String] = []
        for (_, finding) in report.unapprovedFindings(allowingReplacementOf: allowed) where !isAllowed(finding.logicalID) {
            refusals.append("[\(finding.kind.label)] \(finding.logicalID): \(finding.message)")
        }
        for change in ChangeComparison.statefulReplacements(changeSet.changes) where !isAllowed(change.logicalID) {
            let how = change.replacement == "True" ? "replaces" : "may replace (Conditional)"
            refusals.append("[CloudFormation] \(change.logicalID): CloudFormation \(how) this stateful \(change.type)")
        }
        if !refusals.isEmpty {
            console.note("stack \(name): refusing to execute; each of these needs --allow-replacement ID:")
            for line in refusals { console.note("  " + TerminalText.escaped(line)) }
        }

        if settings.noExecute {
            console.print("Change set \(settings.changeSetName) of stack \(name) is left for review:")
            console.print("  aws cloudformation describe-change-set --stack-name \(name) --change-set-name \(settings.changeSetName)")
            console.print("  aws cloudformation execute-change-set --stack-name \(name) --change-set-name \(settings.changeSetName)")
            return .leftForReview(changeSet: settings.changeSetName, refused: !refusals.isEmpty)
        }
        if !refusals.isEmpty {
            discard()
            return .refused
        }
        if !settings.assumeYes {
            guard console.canAsk else {
                console.note("stack \(name): standard input is not a terminal, so nobody can confirm: pass --yes to deploy without asking")
                discard()
                return .declined
            }
            let answer = console.ask("Deploy \(changeSet.changes.count) change\(changeSet.changes.count == 1 ? "" : "s") to stack \(name)? [y/N] ")
            guard let answer, ["y", "yes"].contains(TerminalText.trimmed(answer).lowercased()) else {
                console.note("stack \(name): not deployed; the change set was deleted")
                discard()
                return .declined
            }
        }

        let marker: String?
        do { marker = try client.recentEvents(stackID, limit: 1).first?.id } catch { throw .aws(error) }
        do { try client.executeChangeSet(stack: stackID, name: settings.changeSetName) } catch { throw .aws(error) }
        try watch(stackID, name: name, total: changeSet.changes.count, marker: marker)
        return .deployed
    }

    /// Every template parameter: its value, the stack's previous value (UsePreviousValue), or
    /// its Default; a parameter with none of these is an error naming all such parameters.
    func parameterList(_ target: StackDeployment, live: LiveStack?) throws(DeployFailure) -> [(key: String, value: String?)] {
        var list: [(key: String, value: String?)] = []
        var missing: [String] = []
        for parameter in target.parameters {
            if let value = target.values[parameter.name] {
                list.append((parameter.name, value))
            } else if live?.parameters[parameter.name] != nil {
                list.append((parameter.name, nil))
            } else if !parameter.hasDefault {
                missing.append(parameter.name)
            }
        }
        guard missing.isEmpty else {
            throw DeployFailure(message: "stack \(target.deployedName): no value for the parameter\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (no Default, not in the environment's parameters, and the stack has no previous value): pass " + missing.map { "--parameter \($0)=VALUE" }.joined(separator: " "),
                                exitCode: InfraExit.invalidInput.rawValue)
        }
        return list
    }

    private func waitForChangeSet(_ stackID: String) throws(DeployFailure) -> ChangeSetDescription {
        let start = ProcessRunner.monotonicSeconds()
        var polls = 0
        while true {
            let description: ChangeSetDescription
            do { description = try client.describeChangeSet(stack: stackID, name: settings.changeSetName) } catch { throw .aws(error) }
            if !description.isPending { return description }
            polls += 1
            if ProcessRunner.monotonicSeconds() - start > settings.timeout || polls > 10_000 {
                throw DeployFailure(message: "stack \(stackID): the change set \(settings.changeSetName) is still \(description.status) after \(Int(settings.timeout)) s",
                                    exitCode: InfraExit.deployFailed.rawValue)
            }
            client.pause(seconds: min(settings.pollInterval, 2))
        }
    }

    /// Streams the events after `marker` until the stack reaches a final status; prints the
    /// outputs, or the failure.
    private func watch(_ stackID: String, name stack: String, total: Int, marker: String?) throws(DeployFailure) {
        let start = ProcessRunner.monotonicSeconds()
        var lastSeen = marker
        var done = Set<String>()
        var failures: [StackEvent] = []
        var finalStatus: String?
        var polls = 0
        while finalStatus == nil {
            let events: [StackEvent]
            do { events = try client.events(stackID, after: lastSeen) } catch { throw .aws(error) }
            if let newest = events.last { lastSeen = newest.id }
            for event in events {
                let isStack = event.logicalID == stack && event.type == "AWS::CloudFormation::Stack"
                let reason = event.reason.map { ": " + TerminalText.escaped($0) } ?? ""
                console.note("  \(TerminalText.escaped(event.status)) \(TerminalText.escaped(event.type)) \(TerminalText.escaped(event.logicalID))\(reason)")
                if event.status.hasSuffix("_FAILED") { failures.append(event) }
                if isStack {
                    if !event.status.hasSuffix("_IN_PROGRESS") && event.status != "REVIEW_IN_PROGRESS" { finalStatus = event.status }
                } else if event.status.hasSuffix("_COMPLETE") || event.status.hasSuffix("_FAILED") {
                    done.insert(event.logicalID)
                }
            }
            let elapsed = ProcessRunner.monotonicSeconds() - start
            console.progress("stack \(stack): \(min(done.count, total))/\(total) resources done, \(Self.duration(elapsed)) elapsed",
                             key: "\(done.count) \(Int(elapsed) / 30)")
            if finalStatus != nil { break }
            polls += 1
            if elapsed > settings.timeout || (settings.pollInterval <= 0 && polls > 10_000) {
                console.endProgress()
                throw DeployFailure(message: "stack \(stack): still deploying after \(Self.duration(elapsed)); it goes on without us: aws cloudformation describe-stack-events --stack-name \(stack)",
                                    exitCode: InfraExit.deployFailed.rawValue)
            }
            client.pause(seconds: settings.pollInterval)
        }
        console.endProgress()

        let final: LiveStack?
        do { final = try client.describeStack(stackID) } catch { throw .aws(error) }
        let status = final?.status ?? finalStatus ?? "?"
        if ["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"].contains(status) {
            console.print("Stack \(stack): \(status) in \(Self.duration(ProcessRunner.monotonicSeconds() - start))")
            let outputs = (final?.outputs ?? []).sorted { $0.key < $1.key }
            if !outputs.isEmpty {
                console.print("Outputs:")
                for output in outputs { console.print("  \(TerminalText.escaped(output.key)) = \(TerminalText.escaped(output.value))") }
            }
            return
        }
        var lines = ["stack \(stack): the deployment failed; the stack is \(TerminalText.escaped(status))"
                     + (final?.statusReason.map { " (\(TerminalText.escaped($0)))" } ?? "")]
        for event in failures {
            lines.append("  \(TerminalText.escaped(event.status)) \(TerminalText.escaped(event.type)) \(TerminalText.escaped(event.logicalID)): \(TerminalText.escaped(event.reason ?? "no reason given"))")
        }
        lines.append("  rollback: " + Self.rollbackState(status))
        throw DeployFailure(message: lines.joined(separator: "\n"), exitCode: InfraExit.deployFailed.rawValue)
    }

    static func rollbackState(_ status: String) -> String {
        switch status {
        case "ROLLBACK_COMPLETE": "complete; the stack was never created: delete it before deploying again (aws cloudformation delete-stack)"
        case "UPDATE_ROLLBACK_COMPLETE": "complete; the stack is back to its previous template"
        case "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED": "FAILED; fix the resources named above, then aws cloudformation continue-update-rollback"
        case "CREATE_FAILED", "UPDATE_FAILED": "none (rollback was disabled)"
        default: "the stack is \(status)"
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds))
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m\(whole % 60 < 10 ? "0" : "")\(whole % 60)s"
    }

    /// Our diff beside CloudFormation's change set, one resource a line.
    static func table(_ comparison: ChangeComparison) -> [String] {
        guard !comparison.rows.isEmpty else { return [] }
        let header = ("Logical ID", "Type", "infra diff", "CloudFormation")
        let widths = [
            max(header.0.count, comparison.rows.map { TerminalText.escaped($0.logicalID).count }.max() ?? 0),
            max(header.1.count, comparison.rows.map { TerminalText.escaped($0.type).count }.max() ?? 0),
            max(header.2.count, comparison.rows.map { TerminalText.escaped($0.ours).count }.max() ?? 0),
        ]
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = ["Change set beside infra diff:",
                     "  " + pad(header.0, widths[0]) + "  " + pad(header.1, widths[1]) + "  " + pad(header.2, widths[2]) + "  " + header.3]
        for row in comparison.rows {
            lines.append("  " + pad(TerminalText.escaped(row.logicalID), widths[0]) + "  " + pad(TerminalText.escaped(row.type), widths[1])
                         + "  " + pad(TerminalText.escaped(row.ours), widths[2]) + "  " + TerminalText.escaped(row.theirs))
        }
        let disagreements = comparison.disagreements
        if !disagreements.isEmpty {
            lines.append("Where they disagree:")
            for row in disagreements {
                lines.append("  ! \(TerminalText.escaped(row.logicalID)): \(row.disagreement ?? "")")
            }
        }
        return lines
    }
}

extension String {
    var dropLastNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

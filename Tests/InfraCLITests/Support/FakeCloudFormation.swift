import Foundation
@testable import InfraCLI

/// Replays recorded CloudFormation answers (Fixtures/changesets) and records the calls.
final class FakeCloudFormation: CloudFormationClient, @unchecked Sendable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/changesets")

    static func fixture(_ name: String) -> AWSJSON {
        let text = try! String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return try! AWSJSON.parse(text)
    }

    var stack: LiveStack?
    var template: String?
    var changeSet = ChangeSetDescription(status: "CREATE_COMPLETE", changes: [])
    /// The events after the execution, newest first; before it, only the last one.
    var events: [StackEvent] = []
    var finalStatus = "UPDATE_COMPLETE"
    var finalOutputs: [(key: String, value: String)] = [("TableName", "cruddur-messages")]
    private(set) var executed = false
    private(set) var calls: [String] = []
    private(set) var requests: [ChangeSetRequest] = []

    init(stack: LiveStack? = nil, template: String? = nil) {
        self.stack = stack
        self.template = template
    }

    func describeStack(_ name: String) throws(CloudFormationError) -> LiveStack? {
        calls.append("describe-stacks")
        guard executed, var stack else { return stack }
        stack.status = finalStatus
        stack.outputs = finalOutputs
        stack.statusReason = finalStatus.contains("ROLLBACK") ? "The following resource(s) failed to update: [MessagingStreamMessagesEvents]." : nil
        return stack
    }

    func originalTemplate(_ stack: String) throws(CloudFormationError) -> String? {
        calls.append("get-template")
        return self.stack == nil ? nil : template
    }

    func createChangeSet(_ request: ChangeSetRequest) throws(CloudFormationError) -> String {
        calls.append("create-change-set")
        requests.append(request)
        return "arn:aws:cloudformation:ca-central-1:123456789012:stack/\(request.stack)/9f8e7d6c"
    }

    func describeChangeSet(stack: String, name: String) throws(CloudFormationError) -> ChangeSetDescription {
        calls.append("describe-change-set")
        return changeSet
    }

    func executeChangeSet(stack: String, name: String) throws(CloudFormationError) {
        calls.append("execute-change-set")
        executed = true
    }

    func deleteChangeSet(stack: String, name: String) throws(CloudFormationError) {
        calls.append("delete-change-set")
    }

    func deleteStack(_ name: String) throws(CloudFormationError) {
        calls.append("delete-stack")
    }

    func recentEvents(_ stack: String, limit: Int) throws(CloudFormationError) -> [StackEvent] {
        calls.append("describe-stack-events")
        let visible = executed ? events : Array(events.suffix(1))
        return Array(visible.prefix(limit))
    }

    func pause(seconds: Double) {}
}

/// Records what the deploy prints; answers questions from a list.
final class RecordingConsole: DeployConsole, @unchecked Sendable {
    var output: [String] = []
    var notes: [String] = []
    var progressLines: [String] = []
    var canAsk = false
    var answers: [String] = []
    var questions: [String] = []

    func print(_ line: String) { output.append(line) }
    func note(_ line: String) { notes.append(line) }
    func progress(_ line: String, key: String) { progressLines.append(line) }
    func endProgress() {}

    func ask(_ prompt: String) -> String? {
        questions.append(prompt)
        return answers.isEmpty ? nil : answers.removeFirst()
    }

    var all: String { (output + notes + progressLines).joined(separator: "\n") }
}

import ArgumentParser
import Cruddur
import Foundation
@testable import InfraCLI
import TemplateDiff
import Testing

/// `infra deploy` and `infra diff --deployed` against recorded CloudFormation answers: the
/// replacement, Conditional, empty and failure paths that moto cannot show. Inside CLITests'
/// serialized suite: the app registry and DeployRuntime are process-wide.
extension CLITests {
@Suite("infra deploy", .serialized)
final class DeployTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let committed = try! String(contentsOf: repository.appendingPathComponent("out/cruddur-messaging.yaml"), encoding: .utf8)
    static let liveStack = LiveStack(name: "cruddur-messaging", status: "UPDATE_COMPLETE", statusReason: nil,
                                     parameters: ["VpcId": "vpc-1", "SubnetIds": "subnet-1,subnet-2", "SecurityGroupIds": "sg-1", "RouteTableIds": "rtb-1",
                                                  "AlarmTopicArn": "arn:aws:sns:ca-central-1:111122223333:ops"],
                                     outputs: [])
    static let network = ["--parameter", "VpcId=vpc-1", "--parameter", "SubnetIds=subnet-1,subnet-2",
                          "--parameter", "SecurityGroupIds=sg-1", "--parameter", "RouteTableIds=rtb-1",
                          "--parameter", "AlarmTopicArn=arn:aws:sns:ca-central-1:111122223333:ops"]

    let console = RecordingConsole()
    var fake = FakeCloudFormation()

    deinit {
        DeployRuntime.makeClient = { AWSCLIClient(settings: $0) }
        DeployRuntime.makeConsole = { TerminalConsole() }
    }

    /// Runs the CLI with the fake client and the recording console.
    func run(_ arguments: [String]) -> Int32 {
        let fake = self.fake
        let console = self.console
        DeployRuntime.makeClient = { _ in fake }
        DeployRuntime.makeConsole = { console }
        let name = arguments.contains("--change-set-name") ? [] : ["--change-set-name", "infra-test"]
        return runCLI(cruddurApp, arguments + ["--root", Self.repository.path, "--poll-interval", "0"] + name)
    }

    func runDiff(_ arguments: [String]) -> (Int32, String) {
        let fake = self.fake
        DeployRuntime.makeClient = { _ in fake }
        var code: Int32 = 0
        let printed = capturingStandardOutput {
            code = runCLI(cruddurApp, ["diff", "--deployed", "--root", Self.repository.path] + arguments)
        }
        return (code, printed)
    }

    /// A deployed stack whose template differs from the fresh one by `edit`.
    func deployed(_ edit: (String) -> String = { $0 }) {
        fake = FakeCloudFormation(stack: Self.liveStack, template: edit(Self.committed))
        fake.events = StackEvent.list(json: FakeCloudFormation.fixture("update-complete.describe-stack-events.json"))
    }

    static func batchSize(_ text: String) -> String { text.replacing("BatchSize: 1\n", with: "BatchSize: 5\n") }

    @Test func anInPlaceUpdateIsShownBesideTheChangeSetExecutedWatchedAndItsOutputsPrinted() throws {
        deployed(Self.batchSize)
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        #expect(run(["deploy", "--yes"]) == 0)
        let request = try #require(fake.requests.first)
        #expect(request.kind == .update)
        #expect(request.stack == "cruddur-messaging")
        #expect(request.capabilities == ["CAPABILITY_IAM"])
        // Not given, but the stack has them: their previous values are kept.
        #expect(request.parameters.map(\.key) == ["VpcId", "SubnetIds", "SecurityGroupIds", "RouteTableIds", "AlarmTopicArn"])
        #expect(request.parameters.allSatisfy { $0.value == nil })
        #expect(request.templateBody.split(separator: "\n").dropFirst() == Self.committed.split(separator: "\n").dropFirst())
        #expect(fake.calls.contains("execute-change-set"))
        let text = console.all
        #expect(text.contains("MessagingStreamMessagesEvents  AWS::Lambda::EventSourceMapping  in place (BatchSize)  Modify, Replacement False, Scope Properties: BatchSize"))
        #expect(!text.contains("Where they disagree"))
        #expect(console.progressLines.last?.hasPrefix("stack cruddur-messaging: 1/1 resources done") == true)
        #expect(console.output.contains("  TableName = cruddur-messages"))
        #expect(text.contains("UPDATE_COMPLETE AWS::CloudFormation::Stack cruddur-messaging"))
    }

    @Test func aStatefulReplacementCloudFormationAnnouncesIsRefusedAndFlaggedUnlessAllowed() throws {
        // Our diff sees only a capacity change (in place); CloudFormation says the table is replaced.
        deployed { $0.replacing("ReadCapacityUnits: 5\n        WriteCapacityUnits: 5\n", with: "ReadCapacityUnits: 7\n        WriteCapacityUnits: 5\n") }
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("table-replaced.describe-change-set.json"))
        #expect(run(["deploy", "--yes"]) == 3)
        #expect(!fake.calls.contains("execute-change-set"))
        #expect(fake.calls.contains("delete-change-set"))
        #expect(!fake.calls.contains("delete-stack"))
        let text = console.all
        #expect(text.contains("Modify, Replacement True, Scope Properties: KeySchema (Always)"))
        #expect(text.contains("! Messages: CloudFormation replaces it; we expect an update in place"))
        #expect(text.contains("[CloudFormation] Messages: CloudFormation replaces this stateful AWS::DynamoDB::Table"))

        let allowed = RecordingConsole()
        let again = fake
        DeployRuntime.makeClient = { _ in again }
        DeployRuntime.makeConsole = { allowed }
        #expect(runCLI(cruddurApp, ["deploy", "--yes", "--allow-replacement", "cruddur-messaging/Messages", "--root", Self.repository.path,
                                    "--change-set-name", "infra-test", "--poll-interval", "0"]) == 0)
        #expect(again.calls.contains("execute-change-set"))
    }

    @Test func ourOwnFindingRefusesEvenWhenCloudFormationAgrees() {
        deployed { $0.replacing("TableName: cruddur-messages\n", with: "TableName: cruddur-messages-old\n") }
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("table-replaced.describe-change-set.json"))
        #expect(run(["deploy", "--yes"]) == 3)
        #expect(!fake.calls.contains("execute-change-set"))
        #expect(console.notes.contains { $0.contains("[replacement] Messages") || $0.contains("[data loss] Messages") || $0.contains("[will fail] Messages") })
    }

    @Test func aConditionalReplacementOfAStatelessResourceIsFlaggedNotRefused() {
        deployed(Self.batchSize)
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("function-conditional.describe-change-set.json"))
        #expect(run(["deploy", "--yes"]) == 0)
        let text = console.all
        #expect(text.contains("Modify, Replacement Conditional, Scope Properties: Role (Conditionally)"))
        #expect(text.contains("! MessagingStream: only CloudFormation changes it"))
        #expect(fake.calls.contains("execute-change-set"))
    }

    @Test func anEmptyChangeSetIsSuccess() {
        deployed()
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("empty.describe-change-set.json"))
        #expect(fake.changeSet.isEmpty)
        #expect(run(["deploy", "--yes"]) == 0)
        #expect(console.output.contains { $0.hasPrefix("Stack cruddur-messaging: no changes") })
        #expect(fake.calls.contains("delete-change-set"))
        #expect(!fake.calls.contains("execute-change-set"))
    }

    @Test func aFailedUpdatePrintsTheFailingEventsEscapedTheReasonAndTheRollbackState() throws {
        deployed(Self.batchSize)
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        fake.events = StackEvent.list(json: FakeCloudFormation.fixture("update-failed.describe-stack-events.json"))
        fake.finalStatus = "UPDATE_ROLLBACK_COMPLETE"
        let deployer = Deployer(client: fake, console: console, settings: DeploySettings(assumeYes: true, changeSetName: "infra-test", pollInterval: 0))
        let target = StackDeployment(stack: "cruddur-messaging", deployedName: "cruddur-messaging", templateName: "cruddur-messaging",
                                     templateBody: Self.committed, capabilities: ["CAPABILITY_IAM"],
                                     parameters: [("VpcId", false)], values: [:])
        do {
            _ = try deployer.deploy(target)
            Issue.record("the deployment should fail")
        } catch {
            #expect(error.exitCode == 4)
            #expect(error.message.contains("the stack is UPDATE_ROLLBACK_COMPLETE"))
            #expect(error.message.contains("UPDATE_FAILED AWS::Lambda::EventSourceMapping MessagingStreamMessagesEvents: Resource handler returned message: \"\\u{1B}[31mInvalid request\\u{1B}[0m\\nBatchSize exceeds the maximum\""))
            #expect(error.message.contains("rollback: complete; the stack is back to its previous template"))
            #expect(!error.message.contains("\u{1B}"))
        }
        #expect(!console.all.contains("\u{1B}"))
        #expect(run(["deploy", "--yes"]) == 4)
    }

    @Test func withoutATerminalItNeedsYesAndOnATerminalItAsks() {
        deployed(Self.batchSize)
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        #expect(run(["deploy"]) == 5)
        #expect(console.notes.contains { $0.contains("pass --yes") })
        #expect(!fake.calls.contains("execute-change-set"))

        console.canAsk = true
        console.answers = ["n"]
        #expect(run(["deploy"]) == 5)
        #expect(console.questions.last == "Deploy 1 change to stack cruddur-messaging? [y/N] ")
        #expect(!fake.calls.contains("execute-change-set"))

        console.answers = ["yes"]
        #expect(run(["deploy"]) == 0)
        #expect(fake.calls.contains("execute-change-set"))
    }

    @Test func noExecuteLeavesTheChangeSetAndPrintsItsName() {
        deployed(Self.batchSize)
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        #expect(run(["deploy", "--no-execute"]) == 0)
        #expect(console.output.contains("Change set infra-test of stack cruddur-messaging is left for review:"))
        #expect(!fake.calls.contains("execute-change-set"))
        #expect(!fake.calls.contains("delete-change-set"))
    }

    @Test func aNewStackIsCreatedWithTheGivenParametersAndAMissingOneIsNamed() throws {
        fake = FakeCloudFormation()
        fake.changeSet = ChangeSetDescription(status: "CREATE_COMPLETE", changes: [])
        #expect(run(["deploy", "--yes", "--parameter", "VpcId=vpc-1"]) == 2)
        #expect(fake.requests.isEmpty)

        fake = FakeCloudFormation()
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        _ = run(["deploy", "--no-execute"] + Self.network)
        let request = try #require(fake.requests.first)
        #expect(request.kind == .create)
        #expect(request.parameters.map(\.key) == ["VpcId", "SubnetIds", "SecurityGroupIds", "RouteTableIds", "AlarmTopicArn"])
        #expect(request.parameters.map(\.value) == ["vpc-1", "subnet-1,subnet-2", "sg-1", "rtb-1", "arn:aws:sns:ca-central-1:111122223333:ops"])
    }

    @Test(arguments: [
        ["deploy", "--parameter", "NoEquals"],
        ["deploy", "--parameter", "=value"],
        ["deploy", "--parameter", "Unknown=1"],
        ["deploy", "--stack", "no-such-stack"],
        ["deploy", "--env", "no-such-env"],
        ["deploy", "--change-set-name", "1-starts-with-a-digit"],
        ["deploy", "--flavor", "sam", "--timeout", "0"],
        ["diff", "--deployed", "--against", "out"],
    ])
    func badInputIsAUsageError(_ arguments: [String]) {
        fake = FakeCloudFormation()
        #expect(run(arguments) == 64)
        #expect(fake.requests.isEmpty)
    }

    @Test func diffDeployedShowsANewStackAsAdditionsAndAnUpToDateOneAsNoChanges() {
        fake = FakeCloudFormation()
        let (created, text) = runDiff([])
        #expect(created == 1)
        #expect(text.contains("Stack cruddur-messaging: new stack, 10 resources"))  // 7, and the trigger's 3 alarms

        deployed()
        let (same, unchanged) = runDiff([])
        #expect(same == 0)
        #expect(unchanged.contains("Stack cruddur-messaging: no changes"))

        deployed(Self.batchSize)
        let (changed, batch) = runDiff(["--format", "markdown"])
        #expect(changed == 1)
        #expect(batch.contains("BatchSize"))
    }

    @Test func stacksAreDeployedProducersFirstAndAFailureStopsTheRest() throws {
        fake = FakeCloudFormation()
        fake.changeSet = ChangeSetDescription(json: FakeCloudFormation.fixture("batch-size.describe-change-set.json"))
        let fake = self.fake
        let console = self.console
        DeployRuntime.makeClient = { _ in fake }
        DeployRuntime.makeConsole = { console }
        let root = Self.repository.path
        #expect(runCLI(cruddurSplitApp, ["deploy", "--no-execute", "--root", root, "--change-set-name", "infra-test"] + Self.network) == 0)
        #expect(fake.requests.map(\.stack) == ["cruddur-data", "cruddur-processing"])
        #expect(fake.requests.map(\.kind) == [.create, .create])
        #expect(fake.requests[0].parameters.isEmpty)

        let failing = FakeCloudFormation()
        failing.changeSet = ChangeSetDescription(status: "FAILED", statusReason: "No export named cruddur-data-Messages-Arn found", changes: [])
        DeployRuntime.makeClient = { _ in failing }
        #expect(runCLI(cruddurSplitApp, ["deploy", "--yes", "--root", root, "--change-set-name", "infra-test"] + Self.network) == 4)
        #expect(failing.requests.map(\.stack) == ["cruddur-data"])
        #expect(failing.calls.contains("delete-stack"))
    }

    @Test func diffDeployedComparesADeployedSAMTemplateWithTheSAMFlavor() throws {
        let sam = try String(contentsOf: Self.repository.appendingPathComponent("out/cruddur-messaging.sam.yaml"), encoding: .utf8)
        fake = FakeCloudFormation(stack: Self.liveStack, template: sam)
        let (code, text) = runDiff([])
        #expect(code == 0)
        #expect(text.contains("no changes"))
    }
}
}

@Suite("The aws CLI client")
struct AWSCLIClientTests {
    /// A stand-in `aws` that records its arguments and answers from a file.
    func fakeCLI(answer: String, exitCode: Int = 0) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infra-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("args")
        let answerFile = folder.appendingPathComponent("answer")
        try answer.write(to: answerFile, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("aws")
        try """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(log.path)'
            if [ \(exitCode) -ne 0 ]; then cat '\(answerFile.path)' >&2; exit \(exitCode); fi
            cat '\(answerFile.path)'
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (script, log)
    }

    @Test func theRegionAndEndpointArePassedExplicitly() throws {
        let settings = AWSSettings.fromEnvironment(["AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_REGION": "eu-west-1", "AWS_PROFILE": "dev"], environmentRegion: nil)
        #expect(settings.commonArguments == ["--output", "json", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:5000", "--profile", "dev"])
        let declared = AWSSettings.fromEnvironment(["AWS_REGION": "eu-west-1"], environmentRegion: "ca-central-1")
        #expect(declared.region == "ca-central-1")
        #expect(AWSSettings.fromEnvironment([:], environmentRegion: nil).commonArguments == ["--output", "json"])
    }

    @Test func aChangeSetIsDescribedFromTheCLIsJSON() throws {
        let recorded = try String(contentsOf: FakeCloudFormation.fixtures.appendingPathComponent("function-conditional.describe-change-set.json"), encoding: .utf8)
        let (script, log) = try fakeCLI(answer: recorded)
        var settings = AWSSettings()
        settings.executable = script.path
        settings.endpointURL = "http://127.0.0.1:5000"
        let client = AWSCLIClient(settings: settings)
        let description = try client.describeChangeSet(stack: "s", name: "infra-1")
        #expect(description.changes.count == 2)
        #expect(description.changes[0].replacement == "Conditional")
        #expect(description.changes[0].details[0].causingEntity == "MessagingStreamRole.Arn")
        let arguments = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(arguments == ["cloudformation", "describe-change-set", "--stack-name", "s", "--change-set-name", "infra-1",
                              "--output", "json", "--endpoint-url", "http://127.0.0.1:5000"])
    }

    @Test func aMissingStackIsNilAndOtherFailuresAreErrors() throws {
        let (missing, _) = try fakeCLI(answer: "\nAn error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id nope does not exist\n", exitCode: 255)
        var settings = AWSSettings()
        settings.executable = missing.path
        #expect(try AWSCLIClient(settings: settings).describeStack("nope") == nil)
        #expect(try AWSCLIClient(settings: settings).originalTemplate("nope") == nil)

        let (denied, _) = try fakeCLI(answer: "An error occurred (AccessDenied) when calling the DescribeStacks operation: \u{1B}[31mno\n", exitCode: 254)
        settings.executable = denied.path
        #expect(throws: CloudFormationError.self) { try AWSCLIClient(settings: settings).describeStack("s") }

        settings.executable = "/nonexistent/aws"
        #expect(throws: CloudFormationError.self) { try AWSCLIClient(settings: settings).describeStack("s") }
    }

    @Test func malformedOrOversizedAnswersAreErrorsNotCrashes() throws {
        #expect(throws: AWSJSON.ReadError.self) { try AWSJSON.parse("{\"a\": [1, 2") }
        #expect(throws: AWSJSON.ReadError.self) { try AWSJSON.parse(String(repeating: " ", count: AWSJSON.maximumBytes + 1) + "{}") }
        #expect(try AWSJSON.parse("{\"a\": null, \"b\": true, \"c\": 1.5, \"d\": \"x\\u00e9\"}")["d"]?.text == "xé")
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{202E}c\r") == "a\\u{1B}[2Jb\\u{202E}c\\r")
    }
}

@Suite("Our diff beside the change set")
struct ChangeComparisonTests {
    static let old = """
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties: {QueueName: first, VisibilityTimeout: 30}
          Topic:
            Type: AWS::SNS::Topic
            Properties: {DisplayName: a}
        """

    func ours(_ new: String) throws -> StackDiff {
        try #require(DiffReport.compare(old: ["s": Self.old], new: ["s": new]).stacks.first)
    }

    func change(_ id: String, _ type: String, replacement: String?) -> ResourceChangeInfo {
        ResourceChangeInfo(action: "Modify", logicalID: id, physicalID: nil, type: type, replacement: replacement, scope: ["Properties"], details: [])
    }

    @Test func aReplacementWeExpectButCloudFormationDoesNotIsFlagged() throws {
        let renamed = try ours(Self.old.replacing("QueueName: first", with: "QueueName: second"))
        let comparison = ChangeComparison(ours: renamed, theirs: [change("Queue", "AWS::SQS::Queue", replacement: "False")])
        #expect(comparison.rows.first?.ours == "replacement (QueueName)")
        #expect(comparison.disagreements.first?.disagreement == "we expect a replacement, CloudFormation updates in place")
        let agreed = ChangeComparison(ours: renamed, theirs: [change("Queue", "AWS::SQS::Queue", replacement: "True")])
        #expect(agreed.disagreements.isEmpty)
    }

    @Test func aChangeCloudFormationDoesNotMakeIsFlagged() throws {
        let changed = try ours(Self.old.replacing("VisibilityTimeout: 30", with: "VisibilityTimeout: 40"))
        let comparison = ChangeComparison(ours: changed, theirs: [])
        #expect(comparison.disagreements.first?.disagreement == "CloudFormation does not change it")
        let mismatch = ChangeComparison(ours: changed, theirs: [ResourceChangeInfo(action: "Remove", logicalID: "Queue", physicalID: nil,
                                                                                    type: "AWS::SQS::Queue", replacement: nil, scope: [], details: [])])
        #expect(mismatch.disagreements.first?.disagreement == "we expect Modify, CloudFormation says Remove")
    }

    @Test func onlyStatefulReplacementsAreRefused() {
        let changes = [change("Queue", "AWS::SQS::Queue", replacement: "True"),
                       change("Table", "AWS::DynamoDB::Table", replacement: "Conditional"),
                       change("Topic", "AWS::SNS::Topic", replacement: "True"),
                       change("Custom", "Custom::Thing", replacement: "True"),
                       change("Kept", "AWS::DynamoDB::Table", replacement: "False")]
        let refused = ChangeComparison.statefulReplacements(changes).map(\.logicalID)
        #expect(refused.contains("Table") && refused.contains("Custom"))
        #expect(!refused.contains("Topic") && !refused.contains("Kept"))
    }
}

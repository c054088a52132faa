// Issue 14: what synth may write and remove, all-or-nothing, obsolete environments, --out,
// and the deploy commands it prints. Through the CLI only (exit codes, the disk, stdout), so
// that each test runs against any version of synth. In CLITests' serialized suite: the app
// registry is process-wide.
import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

extension CLITests {
    /// prod (default, files at the top of out/) and dev (out/dev/), two stacks each.
    static let twoEnvironmentApp = App("demo", environments: [Environment("prod"), Environment("dev", nameSuffix: "-dev")], stacks: [
        Stack("a-stack") { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) },
        Stack("b-stack") { $0.add(RawResource("Queue", type: "AWS::SQS::Queue")) },
    ])

    static func outside() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infra-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(generatedLooking.utf8).write(to: folder.appendingPathComponent("other.yaml"))
        return folder
    }

    // MARK: A1. Nothing is written or deleted through a symbolic link or outside the root.

    @Test func anEnvironmentFolderThatIsASymbolicLinkIsRefused() throws {
        let project = try Project()
        let elsewhere = try Self.outside()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: project.out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.out.appendingPathComponent("dev"), withDestinationURL: elsewhere)
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
        #expect(project.read("a-stack.yaml") == nil)
    }

    @Test func anOutputDirectoryThatIsASymbolicLinkIsRefused() throws {
        let project = try Project()
        let elsewhere = try Self.outside()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(at: project.out, withDestinationURL: elsewhere)
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
    }

    @Test(arguments: ["relative", "absolute"])
    func anOutputDirectoryOutsideTheRootIsAUsageError(form: String) throws {
        let project = try Project()
        let elsewhere = try Self.outside()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let out = form == "absolute" ? elsewhere.path : "../" + elsewhere.lastPathComponent
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path, "--out", out]) == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
        // --check only reads: any folder will do.
        #expect(run(Self.goodApp, ["synth", "--check", "--root", project.root.path, "--out", out]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
    }

    @Test func anOutputDirectoryInsideTheRootMayBeNested() throws {
        let project = try Project()
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path, "--out", "build/./templates/"]) == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("build/templates/demo-stack.yaml").path))
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path, "--out", "build/../out"]) == 0)
        #expect(project.read("demo-stack.yaml") != nil)
    }

    // MARK: A2. Names become file names only when valid.

    @Test(arguments: ["../escape", "", "my_stack!", "1stack", String(repeating: "a", count: 129)])
    func aStackNameCloudFormationRejectsIsAnError(name: String) throws {
        let project = try Project()
        let app = App("bad", stacks: [Stack(name) { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) }])
        #expect(run(app, ["synth", "--root", project.root.path]) == 2)
        #expect(project.snapshot() == [:])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("escape.yaml").path))
        #expect(run(app, ["validate", "--root", project.root.path]) == 2)
    }

    @Test(arguments: ["../up", "a/b", ".hidden", "my env"])
    func anEnvironmentNameThatIsNotOneSafeFolderNameIsAnError(name: String) throws {
        let project = try Project()
        let app = App("bad", environments: [Environment("prod"), Environment(name)], stacks: [
            Stack("demo-stack") { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) },
        ])
        #expect(run(app, ["synth", "--root", project.root.path]) == 2)
        #expect(project.snapshot() == [:])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("up").path))
    }

    @Test func aLongestValidStackNamePasses() throws {
        let project = try Project()
        let name = "a" + String(repeating: "-9", count: 63) + "b"
        let app = App("ok", stacks: [Stack(name) { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) }])
        #expect(name.count == 128)
        #expect(run(app, ["synth", "--root", project.root.path]) == 0)
    }

    // MARK: A3. All-or-nothing, and repair after a kill.

    @Test func aFolderWhereAFileGoesChangesNothing() throws {
        let project = try Project()
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        // a-stack is stale (written first), b-stack's place is taken by a folder.
        try project.write("a-stack.yaml", "# edited by hand\n")
        try project.write("dev/a-stack.yaml", "# edited by hand\n")
        try FileManager.default.removeItem(at: project.out.appendingPathComponent("dev/b-stack.yaml"))
        try FileManager.default.createDirectory(at: project.out.appendingPathComponent("dev/b-stack.yaml"), withIntermediateDirectories: false)
        let before = project.snapshot()
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 2)
        #expect(project.snapshot() == before)
    }

    @Test func aCommittedInterruptedWriteIsRolledForwardByTheNextCheck() throws {
        let project = try Project()
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 0)
        let new = try #require(project.read("demo-stack.yaml"))
        // Killed after the commit marker, before the rename: the new file is staged, the old kept.
        try project.write("demo-stack.yaml", "# the old file\n")
        try project.write(".demo-stack.yaml.infra-new", new)
        try FileManager.default.linkItem(at: project.out.appendingPathComponent("demo-stack.yaml"), to: project.out.appendingPathComponent(".demo-stack.yaml.infra-old"))
        try project.write(".infra-journal", "infra-journal 1\nwrite replace demo-stack.yaml\nremove gone.yaml\ncommit\n")
        try project.write("gone.yaml", generatedLooking)
        try project.write(".infra-staging-99999/0", "left by an old version\n")
        #expect(run(Self.goodApp, ["synth", "--check", "--root", project.root.path]) == 0)
        #expect(project.read("demo-stack.yaml") == new)
        #expect(project.read("gone.yaml") == nil)
        #expect(project.leftovers() == [])
    }

    @Test func anUncommittedInterruptedWriteIsRolledBackByTheNextCheck() throws {
        let project = try Project()
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 0)
        let new = try #require(project.read("demo-stack.yaml"))
        // Killed while staging: the journal has no commit marker (its last line is cut short).
        try project.write("demo-stack.yaml", "# the old file\n")
        try project.write(".demo-stack.yaml.infra-new", new)
        try FileManager.default.linkItem(at: project.out.appendingPathComponent("demo-stack.yaml"), to: project.out.appendingPathComponent(".demo-stack.yaml.infra-old"))
        try project.write("new-folder/.x.yaml.infra-new", new)
        try project.write(".infra-journal", "infra-journal 1\nwrite replace demo-stack.yaml\nmkdir new-folder\nwrite new new-folder/x.yaml\ncomm")
        #expect(run(Self.goodApp, ["synth", "--check", "--root", project.root.path]) == 1)
        #expect(project.read("demo-stack.yaml") == "# the old file\n")
        #expect(project.leftovers() == [])
        #expect(project.snapshot()["new-folder"] == nil)
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 0)
        #expect(project.read("demo-stack.yaml") == new)
    }

    @Test func aJournalNamingPathsOutsideOutIsIgnored() throws {
        let project = try Project()
        let elsewhere = try Self.outside()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try project.write(".infra-journal", "infra-journal 1\nremove ../../\(elsewhere.lastPathComponent)/other.yaml\nremove \(elsewhere.path)/other.yaml\ncommit\n")
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
        #expect(project.leftovers() == [])
    }

    @Test func aRepairNeverRemovesThroughAFolderReplacedByALink() throws {
        let project = try Project()
        let elsewhere = try Self.outside()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: project.out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.out.appendingPathComponent("dev"), withDestinationURL: elsewhere)
        try project.write(".infra-journal", "infra-journal 1\nremove dev/other.yaml\ncommit\n")
        #expect(run(Self.goodApp, ["synth", "--check", "--root", project.root.path]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["other.yaml"])
        #expect(project.leftovers() == [])
    }

    // MARK: A4. Files of an environment the app no longer has.

    @Test func filesOfARetiredEnvironmentAreReportedAndRemovedWhenGenerated() throws {
        let project = try Project()
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        try project.write("staging/a-stack.yaml", generatedLooking)
        try project.write("staging/a-stack.parameters.json", "[]\n")
        try project.write("staging-notes/notes.yaml", "hand: written\n")
        #expect(run(Self.twoEnvironmentApp, ["synth", "--check", "--root", project.root.path]) == 1)
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        #expect(project.read("staging/a-stack.yaml") == nil)
        #expect(project.read("staging/a-stack.parameters.json") == nil)
        #expect(project.read("staging-notes/notes.yaml") == "hand: written\n")
        // The hand-written file is still reported, and left alone.
        #expect(run(Self.twoEnvironmentApp, ["synth", "--check", "--root", project.root.path]) == 1)
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        #expect(project.read("staging-notes/notes.yaml") == "hand: written\n")
    }

    // MARK: A5. --out '' names no folder.

    @Test func anEmptyOutIsAUsageError() throws {
        let project = try Project()
        let app = App("probe", stacks: [Stack("empty-out-probe") { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) }])
        let stray = "/empty-out-probe.yaml"
        let existedBefore = FileManager.default.fileExists(atPath: stray)
        defer { if !existedBefore { try? FileManager.default.removeItem(atPath: stray); try? FileManager.default.removeItem(atPath: "/empty-out-probe.parameters.json") } }
        var code: Int32 = 0
        let printed = capturingStandardOutput { code = run(app, ["synth", "--root", project.root.path, "--out", ""]) }
        #expect(code == 64)
        #expect(!printed.contains(" /empty-out-probe.yaml"))
        #expect(existedBefore || !FileManager.default.fileExists(atPath: stray))
    }

    // MARK: B. One deploy command per stack and environment.

    @Test func oneDeployCommandPerStackAndEnvironmentInDependencyOrder() throws {
        let project = try Project()
        let app = App("demo", environments: [Environment("prod"), Environment("dev", nameSuffix: "-dev")]) { app in
            let data = app.stack("z-data")
            let queue = data.add(RawResource("Queue", type: "AWS::SQS::Queue"))
            app.stack("a-use", flavors: [.cloudFormation, .sam]).add(RawResource("Topic", type: "AWS::SNS::Topic", properties: ["KmsMasterKeyId": queue.attribute("Arn").raw]))
        }
        var code: Int32 = 0
        let printed = capturingStandardOutput { code = run(app, ["synth", "--root", project.root.path]) }
        #expect(code == 0)
        let commands = printed.split(separator: "\n").filter { $0.hasPrefix("aws cloudformation deploy") }
        #expect(commands.count == 4, "\(printed)")
        let stackNames = printed.split(separator: "\n").filter { $0.hasPrefix("    --stack-name ") }.map { $0.dropFirst("    --stack-name ".count).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " \\", with: "") }
        #expect(stackNames == ["z-data", "a-use", "z-data-dev", "a-use-dev"], "\(printed)")
        // The SAM flavor is there, as an alternative only (commented out).
        let samLines = printed.split(separator: "\n").filter { $0.contains("--template-file out/a-use.sam.yaml") }
        #expect(!samLines.isEmpty && samLines.allSatisfy { $0.hasPrefix("#") }, "\(printed)")
        #expect(!printed.contains("To deploy (in this order)"))
    }
}

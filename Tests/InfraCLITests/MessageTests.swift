import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

/// Issue 14 part D item 7: the CLI's messages say what is true and how to fix it.
@Suite struct CLIMessageTests {
    @Test func anUnknownEnvironmentListsTheImplicitDefault() {
        let app = App("demo", stacks: [])
        #expect(ProjectOptions.unknownEnvironmentMessage("nope", app: app) == "unknown environment 'nope'; the app has: default")
        let declared = App("demo", environments: [Environment("prod"), Environment("dev")], stacks: [])
        #expect(ProjectOptions.unknownEnvironmentMessage("nope", app: declared) == "unknown environment 'nope'; the app has: prod, dev")
    }

    @Test func aFileWhereTheOutputDirectoryShouldBeIsNamed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("infra-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        do {
            try OutputDirectory(path: file.path).commit(writing: [], removing: [])
            Issue.record("no error")
        } catch {
            #expect(error.description == "the output directory '\(file.path)' is a file, not a directory; remove it or choose another --out")
        }
    }
}

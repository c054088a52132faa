import Testing
@testable import TemplateDiff

/// `infra diff` exits 0 without changes, 1 with safe ones, 3 when a change replaces a
/// resource, loses data or will fail and `--allow-replacement` does not name it.
struct ExitCodeTests {
    @Test(arguments: ["equivalent-long-form", "equivalent-reordered"])
    func equivalentTemplatesExitZero(case name: String) throws {
        let report = try Fixtures.report(name)
        #expect(!report.hasChanges)
        #expect(report.exitCode(allowingReplacementOf: []) == 0)
    }

    @Test(arguments: ["batch-size", "runtime", "parameter-added", "json-against-yaml"])
    func safeChangesExitOne(case name: String) throws {
        #expect(try Fixtures.report(name).exitCode(allowingReplacementOf: []) == 1)
    }

    @Test(arguments: ["starting-position", "table-name-change", "key-schema-change", "table-logical-id-rename", "two-gsis-added", "stream-removed"])
    func riskyChangesExitThree(case name: String) throws {
        #expect(try Fixtures.report(name).exitCode(allowingReplacementOf: []) == 3)
    }

    @Test func namingTheReplacedResourceAllowsIt() throws {
        let report = try Fixtures.report("starting-position")
        #expect(report.exitCode(allowingReplacementOf: ["MessagingStreamTrigger"]) == 1)
        #expect(report.exitCode(allowingReplacementOf: ["cruddur-messaging/MessagingStreamTrigger"]) == 1)
        #expect(report.exitCode(allowingReplacementOf: ["other-stack/MessagingStreamTrigger"]) == 3)
        #expect(report.exitCode(allowingReplacementOf: ["Messages"]) == 3)
    }

    @Test func everyRiskyResourceMustBeNamed() throws {
        let report = try Fixtures.report("table-logical-id-rename")
        let blocking = Set(report.unapprovedFindings(allowingReplacementOf: []).map(\.finding.logicalID))
        #expect(blocking.count > 1)
        #expect(report.exitCode(allowingReplacementOf: blocking) == 1)
        #expect(report.exitCode(allowingReplacementOf: blocking.subtracting([blocking.sorted()[0]])) == 3)
    }

    @Test func newAndRemovedStacks() throws {
        let template = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
        let added = try DiffReport.compare(old: [:], new: ["s": template])
        #expect(added.stacks.map(\.status) == [.added])
        #expect(added.exitCode() == 1)
        // The queue's messages go with it.
        let removed = try DiffReport.compare(old: ["s": template], new: [:])
        #expect(removed.stacks.map(\.status) == [.removed])
        #expect(removed.stacks[0].findings.map(\.kind) == [.dataLoss])
        #expect(removed.exitCode() == 3)
        #expect(try DiffReport.compare(old: [:], new: [:]).exitCode() == 0)
    }
}

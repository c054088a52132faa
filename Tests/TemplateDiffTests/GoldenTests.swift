// Golden tests of `infra diff`'s engine.
//
// Each directory Fixtures/<case>/ holds the previous template (old.yaml, or old.json for a
// template saved as JSON), the new one (new.yaml) and the expected report: expected.txt (text
// format, no colour), and for some cases expected.md and expected.json. A mismatch fails with
// a unified diff of expected against actual.
//
// To re-record the expected files after an intended change, run
//     INFRA_RECORD=1 swift test --scratch-path .build-diff --filter TemplateDiffTests
// and review the result with `git diff Tests/TemplateDiffTests/Fixtures`.
import Foundation
import Testing
import UnifiedDiff
@testable import TemplateDiff

enum Fixtures {
    static let stack = "cruddur-messaging"
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let isRecording = ProcessInfo.processInfo.environment["INFRA_RECORD"] == "1"

    /// Every case directory, by name.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// The case's report, read through the same API as `infra diff`.
    static func report(_ name: String) throws -> DiffReport {
        let caseDirectory = directory.appendingPathComponent(name)
        let oldFile = ["old.yaml", "old.json"].map(caseDirectory.appendingPathComponent)
            .first { FileManager.default.fileExists(atPath: $0.path) }
        let old = try oldFile.map { try TemplateFiles.read(at: $0.path, stack: stack) } ?? [:]
        let new = try TemplateFiles.read(at: caseDirectory.appendingPathComponent("new.yaml").path, stack: stack)
        return try DiffReport.compare(old: old, new: new)
    }

    /// Compares `actual` with the case's file, or records it under INFRA_RECORD=1.
    static func expectMatches(_ actual: String, case name: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name).appendingPathComponent(file)
        if isRecording {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing \(name)/\(file): run the tests with INFRA_RECORD=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard let diff = UnifiedDiff.diff(expected, actual, oldName: "\(name)/\(file) (expected)", newName: "actual") else { return }
        Issue.record("\(name)/\(file) differs from the report (INFRA_RECORD=1 re-records it):\n\(diff)", sourceLocation: sourceLocation)
    }
}

struct GoldenTests {
    @Test(arguments: Fixtures.cases)
    func textReport(case name: String) throws {
        let report = try Fixtures.report(name)
        Fixtures.expectMatches(report.render(.text(color: false)), case: name, file: "expected.txt")
    }

    @Test(arguments: ["table-name-change"])
    func markdownAndJSONReports(case name: String) throws {
        let report = try Fixtures.report(name)
        Fixtures.expectMatches(report.render(.markdown), case: name, file: "expected.md")
        Fixtures.expectMatches(report.render(.json), case: name, file: "expected.json")
    }

    @Test func everyCaseHasItsFiles() {
        #expect(Fixtures.cases.count >= 12)
        for name in Fixtures.cases {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.appendingPathComponent(name).path)) ?? []
            #expect(files.contains("new.yaml"), "\(name) has no new.yaml")
            #expect(files.contains("old.yaml") || files.contains("old.json"), "\(name) has no old template")
        }
    }

    @Test func renderingIsDeterministic() throws {
        let first = try Fixtures.report("table-logical-id-rename")
        let second = try Fixtures.report("table-logical-id-rename")
        #expect(first.render(.json) == second.render(.json))
        #expect(first.render(.text(color: true)).contains("\u{1B}["))
        #expect(!first.render(.text(color: false)).contains("\u{1B}["))
    }
}

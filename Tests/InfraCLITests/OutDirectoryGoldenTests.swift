// The committed out/ is the golden output of the Cruddur app: every stack in every
// environment must render to exactly its file. After an intended change, re-record with
//     swift run infra synth
// and review the YAML diff in the pull request.
import CloudFormation
import Cruddur
import Foundation
import Testing
import UnifiedDiff

@Suite("out/ holds exactly what the Cruddur app renders")
struct OutDirectoryGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: cruddurApp.allEnvironments.map(\.name))
    func everyStackMatchesItsCommittedFile(environment name: String) throws {
        let environment = try #require(cruddurApp.environment(named: name))
        let pipeline = SynthesisPipeline(app: cruddurApp, files: SourceFiles(root: Self.root.path), environment: environment, command: "swift run infra synth")
        let result = pipeline.run()
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(!result.files.isEmpty)
        for file in result.files {
            let url = Self.root.appendingPathComponent("out").appendingPathComponent(file.relativePath)
            let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            if let diff = UnifiedDiff.diff(committed, file.contents, oldName: "out/\(file.relativePath)", newName: "synthesized") {
                Issue.record("out/\(file.relativePath) is stale; run `swift run infra synth`:\n\(diff)")
            }
        }
    }
}

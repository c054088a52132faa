// The committed out/ is the golden output of the Cruddur app (and examples/split-stacks/out
// of the split example): every stack in every environment must render to exactly its file.
// After an intended change, re-record with
//     swift run infra synth && swift run cruddur-split synth
// and review the YAML diff in the pull request.
import CloudFormation
import Cruddur
import Foundation
import Testing
import UnifiedDiff

@Suite("out/ holds exactly what the Cruddur app renders")
struct OutDirectoryGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let apps: [(app: App, command: String, out: String)] = [
        (cruddurApp, "swift run infra synth", "out"),
        (cruddurSplitApp, "swift run cruddur-split synth", "examples/split-stacks/out"),
    ]

    @Test(arguments: [0, 1], cruddurApp.allEnvironments.map(\.name))
    func everyStackMatchesItsCommittedFile(app index: Int, environment name: String) throws {
        let (app, command, out) = Self.apps[index]
        let environment = try #require(app.environment(named: name))
        var pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: Self.root.path), environment: environment, command: command)
        pipeline.outDirectoryName = out
        let result = pipeline.run()
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(!result.files.isEmpty)
        for file in result.files {
            let url = Self.root.appendingPathComponent(out).appendingPathComponent(file.relativePath)
            let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            if let diff = UnifiedDiff.diff(committed, file.contents, oldName: "\(out)/\(file.relativePath)", newName: "synthesized") {
                Issue.record("\(out)/\(file.relativePath) is stale; run `\(command)`:\n\(diff)")
            }
        }
    }

    @Test func theSplitExampleDeploysDataBeforeProcessing() throws {
        let result = SynthesisPipeline(app: cruddurSplitApp, files: SourceFiles(root: Self.root.path), environment: try #require(cruddurSplitApp.environment(named: nil)), command: "x").run()
        #expect(result.deploymentOrder == ["cruddur-data", "cruddur-processing"])
        #expect(result.dependencies == ["cruddur-processing": ["cruddur-data"]])
    }
}

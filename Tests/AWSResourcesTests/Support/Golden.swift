// Golden fixtures: Fixtures/<name>.yaml is the exact YAML a fixture stack must render to,
// compared byte for byte; a mismatch fails with a unified diff. To re-record after an
// intended change:
//     INFRA_RECORD=1 swift test --scratch-path .build-aws --filter AWSResourcesTests
// then review the fixture diff like any other change.
import CloudFormation
import Foundation
import InfraYAML
import Testing
import UnifiedDiff

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["INFRA_RECORD"] == "1" }

    static func render(_ template: Template) throws -> String {
        let yaml = try Emitter().emit(TemplateRenderer.render(template))
        // Synthesis streams a template to the emitter without the tree: it must write the same bytes.
        #expect(try TemplateRenderer.emit(template) == yaml)
        return yaml
    }

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name + ".yaml")
    }

    static func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: url(name).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    static func assertMatches(_ actual: String, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try Data(actual.utf8).write(to: url(name))
            return
        }
        guard let expected = read(name) else {
            Issue.record("missing fixture \(name).yaml; record it with INFRA_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if let diff = UnifiedDiff.diff(expected, actual, oldName: "Fixtures/\(name).yaml", newName: "rendered") {
            Issue.record("\(name) differs from its fixture:\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}

// Golden-file support. A fixture is the exact YAML a template must render to; a mismatch
// fails with a unified diff. To re-record after an intended change:
//     INFRA_RECORD=1 swift test --filter CloudFormationTests
// then review the fixture diff like any other change.
import CloudFormation
import Foundation
import InfraYAML
import Testing
import UnifiedDiff

enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func render(_ template: Template) throws -> String {
        let yaml = try Emitter().emit(TemplateRenderer.render(template))
        // Synthesis streams a template to the emitter without the tree: it must write the same bytes.
        #expect(try TemplateRenderer.emit(template) == yaml)
        return yaml
    }

    static func assertMatches(_ actual: String, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(name + ".yaml")
        if ProcessInfo.processInfo.environment["INFRA_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing fixture \(name).yaml; record it with INFRA_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if let diff = UnifiedDiff.diff(expected, actual, oldName: "Fixtures/\(name).yaml", newName: "rendered") {
            Issue.record("\(name) differs from its fixture:\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}

/// Synthesizes one stack with no files to embed.
func synthesize(_ stack: Stack, flavor: Flavor = .cloudFormation) -> (template: Template, diagnostics: [Diagnostic]) {
    let result = Synthesizer(files: SourceFiles(root: "/nonexistent")).synthesize(stack, flavor: flavor)
    let diagnostics = result.diagnostics + Validator.validate(result.template, stack: stack.name)
    return (result.template, diagnostics)
}

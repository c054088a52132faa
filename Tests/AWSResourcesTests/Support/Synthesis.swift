import AWSResources
import CloudFormation
import Foundation
import Testing

/// The day the tests synthesize on: pinned, so that a runtime's deprecation date passing in
/// real time does not change what they expect.
let synthesisDay = CalendarDate(2026, 11, 25)

/// The repository root, where `templates/` lives: three levels above this file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// What one synthesis produced, with lookups the tests use.
struct Synthesized {
    let template: Template
    let diagnostics: [Diagnostic]

    /// The properties of a resource; an issue when it is missing.
    func properties(_ logicalID: String, sourceLocation: SourceLocation = #_sourceLocation) -> Fields {
        guard let resource = template.resource(logicalID) else {
            Issue.record("no resource \(logicalID) in \(template.resources.map(\.logicalID))", sourceLocation: sourceLocation)
            return Fields()
        }
        return resource.properties
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// `path: message` of each diagnostic, for exact comparison.
    var messages: [String] { diagnostics.map { "\($0.severity.rawValue) \($0.element ?? "-") \($0.path ?? "-"): \($0.message)" } }
}

/// Synthesizes a stack built by `build`, reading files from `root` (the repository by default).
func synthesize(root: String = repositoryRoot, _ build: @escaping @Sendable (StackBuilder) -> Void) -> Synthesized {
    let stack = Stack("test", build)
    let result = Synthesizer(files: SourceFiles(root: root), today: synthesisDay).synthesize(stack, flavor: .cloudFormation)
    return Synthesized(template: result.template, diagnostics: result.diagnostics)
}

/// A scratch directory with the given files, for inline-code tests.
func temporaryProject(files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("aws-resources-tests-\(UUID().uuidString)")
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return root.path
}

// Shorthand for building expected values.
extension TemplateValue {
    static func ref(_ logicalID: String) -> TemplateValue { .intrinsic(.ref(ReferenceTarget(logicalID, owner: "test"))) }
    static func getAtt(_ logicalID: String, _ attribute: String) -> TemplateValue {
        .intrinsic(.getAtt(ReferenceTarget(logicalID, owner: "test"), attribute: attribute))
    }
    static func pseudo(_ name: String) -> TemplateValue { .intrinsic(.ref(ReferenceTarget(name))) }
}

extension TemplateValue {
    var items: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    var fields: Fields? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}

/// Synthesizes and validates like the pipeline does: the resources' own rules, then every
/// template rule, the catalog's included (ranges, names and lengths are checked there).
func validate(root: String = repositoryRoot, _ build: @escaping @Sendable (StackBuilder) -> Void) -> Synthesized {
    let synthesized = synthesize(root: root, build)
    let diagnostics = synthesized.diagnostics + Validator.validate(synthesized.template, stack: "test", reported: synthesized.diagnostics)
    return Synthesized(template: synthesized.template, diagnostics: diagnostics)
}

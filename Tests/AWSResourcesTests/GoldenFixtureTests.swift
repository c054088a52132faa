// Golden fixtures for every resource and grant; see Support/Golden.swift. Re-record with
//     INFRA_RECORD=1 swift test --scratch-path .build-aws --filter AWSResourcesTests
import AWSResources
import CloudFormation
import Foundation
import InfraYAML
import Testing

@Suite struct GoldenFixtureTests {
    static let names = FixtureStacks.all.map(\.name)

    @Test(arguments: names)
    func rendersFixture(_ name: String) throws {
        let stack = try #require(FixtureStacks.all.first { $0.name == name })
        let result = Synthesizer(files: SourceFiles(root: Golden.directory.path), today: synthesisDay).synthesize(stack, flavor: .cloudFormation)
        let diagnostics = result.diagnostics + Validator.validate(result.template, stack: stack.name)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        try Golden.assertMatches(Golden.render(result.template), fixture: name)
    }

    @Test func everyFixtureFileHasAStack() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
        #expect(Set(files) == Set(Self.names))
    }

    /// No statement in any fixture allows `*` or `service:*`; `Resource: '*'` appears only
    /// with dynamodb:ListStreams (the ENI actions that need it come from a managed policy).
    /// A Deny may name every action of a service (a bucket's TLS-only `s3:*`): it only narrows.
    @Test(arguments: names)
    func statementsAreLeastPrivilege(_ name: String) throws {
        guard !Golden.isRecording else { return }
        let text = try #require(Golden.read(name), "missing fixture \(name).yaml")
        let statements = StatementWalker.statements(in: try Parser.parse(text))
        for statement in statements {
            let actions = StatementWalker.strings(statement["Action"]) + StatementWalker.strings(statement["NotAction"])
            #expect(!actions.isEmpty, "\(name): a statement without actions")
            let denies = StatementWalker.strings(statement["Effect"]) == ["Deny"]
            for action in actions where !denies {
                #expect(!action.contains("*"), "\(name): wildcard action \(action)")
            }
            let resources = StatementWalker.strings(statement["Resource"])
            if resources.contains("*") {
                #expect(actions == ["dynamodb:ListStreams"], "\(name): Resource '*' for \(actions)")
            }
        }
    }

    @Test func theWalkerFindsTheStatements() throws {
        let text = try #require(Golden.read("cruddur-messaging"))
        let statements = StatementWalker.statements(in: try Parser.parse(text))
        // The endpoint's statement, the trust statement and five grant statements.
        #expect(statements.count == 7)
    }
}

/// Finds policy statements in a parsed template: the items of every `Statement` sequence.
enum StatementWalker {
    static func statements(in node: Node) -> [Mapping] {
        var found: [Mapping] = []
        visit(node) { key, value in
            guard key == "Statement" else { return }
            switch value {
            case .sequence(let sequence):
                for case .mapping(let statement) in sequence.items { found.append(statement) }
            case .mapping(let statement):
                found.append(statement)
            case .scalar:
                break
            }
        }
        return found
    }

    static func strings(_ node: Node?) -> [String] {
        switch node {
        case .scalar(let scalar)?: [scalar.text]
        case .sequence(let sequence)?: sequence.items.compactMap(\.scalarText)
        default: []
        }
    }

    private static func visit(_ node: Node, _ body: (String, Node) -> Void) {
        switch node {
        case .scalar: break
        case .sequence(let sequence): sequence.items.forEach { visit($0, body) }
        case .mapping(let mapping):
            for entry in mapping.entries {
                body(entry.key, entry.value)
                visit(entry.value, body)
            }
        }
    }
}

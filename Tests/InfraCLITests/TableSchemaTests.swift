import CloudFormation
import Cruddur
import Foundation
import JSONText
@testable import InfraCLI
import Testing
import UnifiedDiff

@Suite("infra schema: create-table input from the same table definition")
struct TableSchemaTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func theDevTableMatchesItsFixture() throws {
        let environment = try #require(cruddurApp.environment(named: "dev"))
        let result = SynthesisPipeline(app: cruddurApp, files: SourceFiles(root: OutDirectoryGoldenTests.root.path), environment: environment, command: "infra synth").run()
        let table = try #require(result.templates["dev/cruddur-messaging.yaml"]?.resource("Messages"))
        let json = try TableSchema.json(for: table)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("cruddur-messages-dev.create-table.json"), encoding: .utf8)
        if let diff = UnifiedDiff.diff(expected, json, oldName: "Fixtures/cruddur-messages-dev.create-table.json", newName: "schema") {
            Issue.record("the schema differs:\n\(diff)")
        }
    }

    @Test func cloudFormationSpellingsBecomeTheAPIs() throws {
        let resource = TemplateResource(logicalID: "T", type: "AWS::DynamoDB::Table", properties: [
            "TableName": "t",
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "StreamSpecification": ["StreamViewType": "KEYS_ONLY"],
            "SSESpecification": ["SSEEnabled": false],
            "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true],
            "TimeToLiveSpecification": ["AttributeName": "ttl", "Enabled": true],
        ])
        let json = try TableSchema.json(for: resource)
        #expect(json.contains("\"StreamEnabled\": true"))
        #expect(json.contains("\"Enabled\": false"))
        #expect(!json.contains("PointInTimeRecovery"))
        #expect(!json.contains("TimeToLive"))
    }

    @Test func anIntrinsicTableNameCannotBeASchema() {
        let resource = TemplateResource(logicalID: "T", type: "AWS::DynamoDB::Table", properties: [
            "TableName": .intrinsic(.sub(SubTemplate(parsing: "${AWS::StackName}-t"), variables: Fields())),
        ])
        #expect(throws: TableSchema.Problem.self) { try TableSchema.json(for: resource) }
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONText.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}

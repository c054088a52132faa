// Golden fixtures of the SAM flavor, in Fixtures/sam/ (a folder of their own, so that the
// CloudFormation fixtures' one-stack-per-file check is unaffected). Re-record with
//     INFRA_RECORD=1 swift test --scratch-path .build-sam --filter AWSResourcesTests
import AWSResources
import CloudFormation
import Foundation
import Testing

@Suite struct SAMGoldenFixtureTests {
    static let names = SAMFixtureStacks.all.map(\.name)

    static func fixture(_ name: String) -> String { "sam/\(name).sam" }

    @Test(arguments: names)
    func rendersFixture(_ name: String) throws {
        let stack = try #require(SAMFixtureStacks.all.first { $0.name == name })
        let result = synthesizeSAMFixture(stack)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        try Golden.assertMatches(Golden.render(result.template), fixture: Self.fixture(name))
    }

    @Test func everyFixtureFileHasAStack() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.appendingPathComponent("sam").path)
            .filter { $0.hasSuffix(".sam.yaml") }
            .map { String($0.dropLast(".sam.yaml".count)) }
        #expect(Set(files) == Set(Self.names))
    }
}

// The platform example (Sources/PlatformExample, examples/platform/out): it synthesizes
// without a diagnostic, its committed template is what it renders, it is made of generated
// L1 types from several services, and the README shows its hand-written resource verbatim.
// After an intended change, re-record with
//     swift run platform-example synth
import CloudFormation
import Foundation
import Infra
import PlatformExample
import Testing
import UnifiedDiff

@Suite("The platform example")
struct PlatformExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let out = "examples/platform/out"

    func synthesize() throws -> SynthesisPipeline.Result {
        let app = platformExampleApp()
        var pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: Self.root.path),
                                         environment: try #require(app.environment(named: nil)), command: "swift run platform-example synth")
        pipeline.outDirectoryName = Self.out
        pipeline.today = CalendarDate(2026, 11, 25)  // pinned: a runtime's deprecation must not age this test
        return pipeline.run()
    }

    @Test func itSynthesizesWithoutDiagnosticsToItsCommittedTemplate() throws {
        let result = try synthesize()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.files.map(\.relativePath).sorted() == ["cruddur-platform.parameters.json", "cruddur-platform.yaml"])
        for file in result.files {
            let url = Self.root.appendingPathComponent(Self.out).appendingPathComponent(file.relativePath)
            let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            if let diff = UnifiedDiff.diff(committed, file.contents, oldName: "\(Self.out)/\(file.relativePath)", newName: "synthesized") {
                Issue.record("\(Self.out)/\(file.relativePath) is stale; run `swift run platform-example synth`:\n\(diff)")
            }
        }
    }

    /// Issue 13's proof: at least six generated types, from at least four services.
    @Test func itUsesGeneratedTypesOfSeveralServices() throws {
        let yaml = try #require(try synthesize().files.first { $0.isTemplate }?.contents)
        let types = Set(yaml.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("Type: AWS::") ? String(text.dropFirst("Type: ".count)) : nil
        })
        let generated: Set = [
            "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation",
            "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::Route", "AWS::ECS::Cluster",
            "AWS::KMS::Key", "AWS::KMS::Alias", "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::SQS::Queue",
            "AWS::Lambda::Permission", "AWS::SSM::Parameter",
        ]
        #expect(types.isSuperset(of: generated), "missing: \(generated.subtracting(types).sorted())")
        #expect(Set(generated.map { $0.split(separator: ":")[2] }).count >= 4)
    }

    /// The README's "Adding a resource type" shows ParameterStoreString.swift as it is.
    @Test func theReadmeShowsTheHandWrittenResourceVerbatim() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let file = try String(contentsOf: Self.root.appendingPathComponent("Sources/PlatformExample/ParameterStoreString.swift"), encoding: .utf8)
        #expect(readme.contains("```swift\n\(file)```\n"), "README.md's copy of Sources/PlatformExample/ParameterStoreString.swift differs from the file")
        // And the error it shows is the one a broken name gets.
        let app = App("t", stacks: [Stack("cruddur-platform") { stack in
            stack.add(ParameterStoreString("VpcIdParameter", name: "cruddur/vpc-id", value: "v"))
        }])
        let shown = SynthesisPipeline(app: app, files: SourceFiles(root: Self.root.path), environment: .default, command: "x").run().diagnostics
        #expect(shown.count == 1 && readme.contains("    \(shown[0].description)\n"), "\(shown.map(\.description))")
    }
}

@Suite("ParameterStoreString")
struct ParameterStoreStringTests {
    func diagnostics(name: String, value: Value<String> = "v") -> [Diagnostic] {
        let app = App("t", stacks: [Stack("parameters") { stack in
            stack.add(ParameterStoreString("Parameter", name: name, value: value))
        }])
        return SynthesisPipeline(app: app, files: SourceFiles(root: PlatformExampleTests.root.path), environment: .default, command: "x").run().diagnostics
    }

    @Test(arguments: ["/cruddur/platform/vpc-id", "plain-name", "/a.b_c-d/E9", "/team/aws-keys"])
    func aValidNameIsAccepted(name: String) {
        #expect(diagnostics(name: name).map(\.description) == [])
    }

    @Test(arguments: [
        ("", "the parameter name is empty"),
        ("/cruddur/vpc id", "contains ' '"),
        ("cruddur/vpc-id", "must start with '/'"),
        ("/cruddur//vpc-id", "an empty level"),
        ("/aws/vpc-id", "starts with 'aws'"),
        ("SSM-vpc", "starts with 'ssm'"),
        ("/" + Array(repeating: "l", count: 16).joined(separator: "/"), "16 levels deep; the limit is 15"),
        (String(repeating: "n", count: 1_012), "has 1012 characters; the limit is 1011"),
    ])
    func aBrokenNameIsAnErrorAtItsProperty(name: String, expected: String) {
        let found = diagnostics(name: name)
        #expect(found.contains { $0.severity == .error && $0.stack == "parameters" && $0.element == "Parameter" && $0.path == "Properties.Name" && $0.message.contains(expected) },
                "\(found.map(\.description))")
    }

    @Test func anEmptyOrOversizedValueIsAnError() {
        for (value, expected) in [("", "needs a value"), (String(repeating: "x", count: 4_097), "4097 bytes")] {
            let found = diagnostics(name: "/ok", value: Value(value))
            #expect(found.contains { $0.severity == .error && $0.path == "Properties.Value" && $0.message.contains(expected) }, "\(found.map(\.description))")
        }
    }

    @Test func itRendersAStandardStringParameter() throws {
        let app = App("t", stacks: [Stack("parameters") { stack in
            stack.add(ParameterStoreString("Parameter", name: "/a/b", value: "v", description: "d"))
        }])
        let yaml = try #require(SynthesisPipeline(app: app, files: SourceFiles(root: PlatformExampleTests.root.path), environment: .default, command: "x").run().files.first { $0.isTemplate }?.contents)
        #expect(yaml.contains("""
                Type: AWS::SSM::Parameter
                Properties:
                  Description: d
                  Name: /a/b
                  Tier: Standard
                  Type: String
                  Value: v
            """), "\(yaml)")
    }
}

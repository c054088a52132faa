import ArgumentParser
import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

/// `infra diff --against` with templates from elsewhere, and long command lines (issue 14
/// part C). An extension of the CLI suite: it shares its serialization (one app registry).
extension CLITests {
    static let samApp = App("demo", stacks: [
        Stack("demo-stack", flavors: [.cloudFormation, .sam]) { stack in
            stack.add(RawResource("Queue", type: "AWS::SQS::Queue", properties: ["QueueName": "orders"]))
        },
        Stack("other-stack") { stack in
            stack.add(RawResource("Topic", type: "AWS::SNS::Topic"))
        },
    ])

    /// What `aws cloudformation get-template --output json` saves for a YAML template.
    static func getTemplateResponse(_ body: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["TemplateBody": body, "StagesAvailable": ["Original", "Processed"]])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func againstAFileComparesTheFlavorItsTransformNames() throws {
        let project = try Project()
        #expect(run(Self.samApp, ["synth", "--root", project.root.path]) == 0)
        let sam = try #require(project.read("demo-stack.sam.yaml"))
        let plain = try #require(project.read("demo-stack.yaml"))
        #expect(sam.contains("Transform: AWS::Serverless-2016-10-31"))
        try project.write("saved-sam.json", try Self.getTemplateResponse(sam))
        try project.write("saved.json", try Self.getTemplateResponse(plain))
        for file in ["saved-sam.json", "saved.json"] {
            let path = project.out.appendingPathComponent(file).path
            // Before: "--against names one file; select its stack with --stack", exit 2.
            #expect(run(Self.samApp, ["diff", "--root", project.root.path, "--stack", "demo-stack", "--against", path]) == 0, "\(file)")
        }
        // A changed SAM template is compared with the SAM flavor: an in-place change, not a new stack.
        try project.write("changed-sam.yaml", sam.replacingOccurrences(of: "QueueName: orders", with: "QueueName: orders2"))
        let changed = project.out.appendingPathComponent("changed-sam.yaml").path
        #expect(run(Self.samApp, ["diff", "--root", project.root.path, "--stack", "demo-stack", "--against", changed]) == 3)
    }

    @Test func anAmbiguousAgainstFileIsAUsageError() throws {
        let project = try Project()
        #expect(run(Self.samApp, ["synth", "--root", project.root.path]) == 0)
        let path = project.out.appendingPathComponent("demo-stack.yaml").path
        // Two stacks without SAM transform: which one the file is cannot be told.
        #expect(run(Self.samApp, ["diff", "--root", project.root.path, "--against", path]) == 64)
        #expect(run(Self.samApp, ["diff", "--root", project.root.path, "--stack", "other-stack", "--stack", "demo-stack", "--against", path]) == 64)
    }

    @Test func repeatingAnOptionIsLinear() throws {
        let project = try Project()
        #expect(run(Self.goodApp, ["synth", "--root", project.root.path]) == 0)
        let arguments = ["diff", "--root", project.root.path] + Array(repeating: ["--stack", "demo-stack"], count: 30_000).flatMap { $0 }
        let start = ContinuousClock.now
        // Before: ArgumentParser took 97 s (release) for these, quadratic in their number.
        let compacted = try ArgumentList.compacted(arguments)
        #expect(compacted == ["diff", "--root", project.root.path, "--stack", "demo-stack"])
        #expect(run(Self.goodApp, compacted) == 0)
        #expect(ContinuousClock.now - start < .seconds(5))
        // Different values are kept, up to a bound, past which it is a usage error.
        #expect(try ArgumentList.compacted(["diff", "--stack=a", "--stack", "a", "--stack", "b", "--", "--stack", "b"])
            == ["diff", "--stack=a", "--stack", "b", "--", "--stack", "b"])
        let many = ["diff"] + (0..<600).flatMap { ["--allow-replacement", "R\($0)"] }
        #expect(throws: ValidationError.self) { try ArgumentList.compacted(many) }
    }
}

import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

/// In the serialized CLI suite (the app registry is process-wide).
extension CLITests {
    static let twoEnvironmentQueueApp = App("demo", environments: [Environment("prod"), Environment("dev", nameSuffix: "-dev")], stacks: [
        Stack("demo-stack") { stack in
            stack.add(RawResource("Queue", type: "AWS::SQS::Queue", properties: ["QueueName": "orders", "VisibilityTimeout": 30]))
        },
    ])

    /// `infra diff` over every environment exits with the worst environment's code, wherever
    /// that environment comes in the order (prod, the default, is compared first).
    @Test(arguments: [("demo-stack.yaml", "dev/demo-stack.yaml"), ("dev/demo-stack.yaml", "demo-stack.yaml")])
    func diffExitsWithTheWorstEnvironment(replaced: String, updated: String) throws {
        let project = try Project()
        #expect(run(Self.twoEnvironmentQueueApp, ["synth", "--root", project.root.path]) == 0)
        #expect(run(Self.twoEnvironmentQueueApp, ["diff", "--root", project.root.path]) == 0)
        let replacedText = try #require(project.read(replaced)), updatedText = try #require(project.read(updated))
        // One environment's committed file had another queue name (a replacement, 3), the
        // other's another timeout (an in-place update, 1).
        try project.write(replaced, replacedText.replacingOccurrences(of: "QueueName: orders", with: "QueueName: old-orders"))
        try project.write(updated, updatedText.replacingOccurrences(of: "VisibilityTimeout: 30", with: "VisibilityTimeout: 60"))
        #expect(run(Self.twoEnvironmentQueueApp, ["diff", "--root", project.root.path]) == 3)
    }
}

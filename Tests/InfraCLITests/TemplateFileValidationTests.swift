import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

/// `infra validate --template FILE`: template files validated without the app.
@Suite("infra validate --template", .serialized)
struct TemplateFileValidationTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("infra-template-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String) throws -> String {
            let file = url.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            return file.path
        }
    }

    func run(_ arguments: [String]) -> Int32 {
        runCLI(arguments)
    }

    static let good = """
        Parameters:
          Stage: {Type: String, Default: dev}
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub 'inbox-${Stage}'
              VisibilityTimeout: '60'
              FifoQueue: "false"
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              Subscription:
                - Endpoint: !GetAtt Queue.Arn
                  Protocol: sqs
                - Endpoint: {"Fn::GetAtt": [Queue, Arn]}
                  Protocol: sqs
        Outputs:
          Url: {Value: !Sub ['${Q}', {Q: !GetAtt Queue.QueueUrl}]}
        """

    @Test func aGoodTemplateExits0() throws {
        let folder = try Folder()
        let path = try folder.write("good.yaml", Self.good)
        #expect(try TemplateFile(path: path).diagnostics.isEmpty)
        #expect(run(["validate", "--template", path]) == 0)
    }

    @Test func aBrokenTemplateExits2WithTheAppsDiagnostics() throws {
        let folder = try Folder()
        let path = try folder.write("broken.json", """
            {"Description": "\(String(repeating: "d", count: 1_030))",
             "Resources": {
               "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimout": 60, "DelaySeconds": 901}},
               "Topic": {"Type": "AWS::SNS::Topics"},
               "Policy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {
                 "Queues": [{"Ref": "Queue"}],
                 "PolicyDocument": {"Statement": [{"Effect": "Allow", "Resource": {"Fn::GetAtt": "Queue.ARN"}}]}}}}}
            """)
        let template = try TemplateFile(path: path)
        #expect(template.stack == "broken")
        #expect(template.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "error: broken: Policy: Properties.PolicyDocument.Statement[0].Resource: Queue is a AWS::SQS::Queue, which has no attribute ARN for GetAtt; did you mean Arn?",
            "error: broken: Queue: Properties.VisibilityTimout: VisibilityTimout is not a property of AWS::SQS::Queue; did you mean VisibilityTimeout?",
            "error: broken: Queue: Properties.DelaySeconds: 901 is above the maximum 900",
            "error: broken: Topic: Type: AWS::SNS::Topics is not a resource type CloudFormation knows (catalog: cfn-lint 1.58.0 schemas); did you mean AWS::SNS::Topic?",
            "error: broken: Description: the stack description is 1030 characters long; CloudFormation allows at most 1024 (shorten it)",
        ])
        #expect(run(["validate", "--template", path]) == 2)
    }

    @Test func intrinsicsBecomeTheModelsAndUnsupportedOnesAreTolerated() throws {
        let folder = try Folder()
        let path = try folder.write("functions.yaml", """
            Transform: AWS::LanguageExtensions
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: {"Fn::ToJsonString": {a: 1}}
                  DelaySeconds: {"Fn::Length": [1, 2]}
                  MaximumMessageSize: !If [Never, 1024, !Ref AWS::NoValue]
                  RedrivePolicy: {"Fn::GetStackOutput": {StackName: s, OutputName: o}}
                  Tags:
                    Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/t.yaml}}
                  KmsMasterKeyId: !Select [0, !Split [',', !Join [',', [a, b]]]]
            """)
        let template = try TemplateFile(path: path)
        #expect(template.diagnostics.filter { $0.severity == .error }.isEmpty)
        let properties = try #require(template.template.resource("Queue")?.properties)
        #expect(properties["MaximumMessageSize"] == .intrinsic(.if(condition: "Never", then: 1024, else: .intrinsic(.ref(ReferenceTarget("AWS::NoValue"))))))
        #expect(properties["QueueName"] == .object(["Fn::ToJsonString": ["a": 1]]))
        #expect(run(["validate", "--template", path]) == 0)
    }

    @Test func unreadableInputIsAClearErrorWithExit2() throws {
        let folder = try Folder()
        let missing = folder.url.appendingPathComponent("missing.yaml").path
        #expect(throws: (any Error).self) { try TemplateFile(path: missing) }
        do {
            _ = try TemplateFile(path: missing)
        } catch {
            #expect("\(error)" == "cannot read \(missing): no such file or directory")
        }
        #expect(run(["validate", "--template", missing]) == 2)
        let notATemplate = try folder.write("list.yaml", "- a\n- b\n")
        #expect(run(["validate", "--template", notATemplate]) == 2)
        let badYAML = try folder.write("bad.yaml", "Resources: [\n")
        #expect(run(["validate", "--template", badYAML]) == 2)
        let huge = try folder.write("huge.yaml", "Description: " + String(repeating: "x", count: 1_000_001) + "\n")
        do {
            _ = try TemplateFile(path: huge)
            Issue.record("a template over 1,000,000 bytes was read")
        } catch {
            #expect("\(error)".contains("CloudFormation accepts templates of at most 1000000 bytes"))
        }
        let deep = try folder.write("deep.yaml", "Resources: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")
        #expect(run(["validate", "--template", deep]) == 2)
        #expect(run(["validate", "--template", missing, "--stack", "x"]) == 64)
    }
}

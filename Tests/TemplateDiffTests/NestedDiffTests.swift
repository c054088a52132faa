import Testing
@testable import TemplateDiff

struct NestedDiffTests {
    private static func function(_ hash: String) -> String {
        """
        Resources:
          Worker:
            Type: AWS::Lambda::Function
            Metadata:
              infra: {codeHash: "sha256:\(hash)"}
            Properties:
              Code: ../templates/worker/
              Handler: handler.handle
              Runtime: python3.13
              Role: arn:aws:iam::123456789012:role/r
        """
    }

    @Test func aNewCodeHashSaysCodeChanged() throws {
        let old = Self.function(String(repeating: "a", count: 64))
        let new = Self.function(String(repeating: "b", count: 64))
        let report = try DiffReport.compare(old: ["app": old], new: ["app": new])
        let stack = report.stacks[0]
        #expect(stack.resources[0].impact == .noInterruption)
        #expect(stack.findings == [Finding(.note, "Worker",
            "code changed (sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb): the package step uploads a new zip and CloudFormation updates the function's code in place.")])
        #expect(report.exitCode() == 1)
        #expect(report.render(.text(color: false)).contains("code changed (sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb)"))
    }

    @Test func childTemplatesAreReportedUnderTheirParent() throws {
        let parent = "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: app.Child.yaml}\n"
        let child = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
        let report = try DiffReport.compare(old: ["app": parent, "app.Child": child],
                                            new: ["app": parent, "app.Child": child + "  Other:\n    Type: AWS::SNS::Topic\n"])
        #expect(report.stacks.map(\.stack) == ["app", "app/Child"])
        #expect(report.stacks[1].resources.map(\.logicalID) == ["Other"])
        #expect(NestedStacks.displayName("app.Child.Deep.sam") == "app/Child/Deep.sam")
    }

    private static let table = """
          Messages:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: messages
              KeySchema: [{AttributeName: pk, KeyType: HASH}]
              AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
              BillingMode: PAY_PER_REQUEST

        """

    @Test func aTableMovedIntoAChildIsDataLossAndItsNameStillHeld() throws {
        let stackResource = "  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: app.Child.yaml}\n"
        let report = try DiffReport.compare(
            old: ["app": "Resources:\n" + Self.table + stackResource, "app.Child": "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"],
            new: ["app": "Resources:\n" + stackResource, "app.Child": "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n" + Self.table])
        let child = report.stacks.first { $0.stack == "app/Child" }
        #expect(child?.findings.map(\.kind) == [.willFail, .dataLoss])
        #expect(child?.findings.last?.message.hasPrefix("moved from app to app/Child: CloudFormation does not move resources between stacks; it creates a new AWS::DynamoDB::Table in app/Child and deletes Messages from app with its items") == true)
        #expect(report.exitCode() == 3)
    }

    @Test func aRetainedTableMovedIsAReplacementNotALoss() throws {
        let retained = Self.table.replacing("    Type: AWS::DynamoDB::Table\n", with: "    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n")
        let renamed = Self.table.replacing("TableName: messages", with: "TableName: messages-2")
        let report = try DiffReport.compare(
            old: ["app": "Resources:\n" + retained, "app.Child": "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"],
            new: ["app": "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n", "app.Child": "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n" + renamed])
        let child = report.stacks.first { $0.stack == "app/Child" }
        #expect(child?.findings.map(\.kind) == [.replacement])
        #expect(child?.findings.first?.message.contains("The old one is kept (DeletionPolicy: Retain), unmanaged, with its items; the new one starts without them.") == true)
    }
}

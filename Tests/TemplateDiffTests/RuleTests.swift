import Testing
@testable import TemplateDiff

/// Rules and update behaviours beyond the golden cases, on small inline templates.
struct RuleTests {
    private func diff(_ old: String, _ new: String) throws -> StackDiff {
        try DiffReport.compare(old: ["s": old], new: ["s": new]).stacks[0]
    }

    private func kinds(_ diff: StackDiff) -> [Finding.Kind] { diff.findings.map(\.kind) }

    private static let streamTable = """
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              KeySchema: [{AttributeName: pk, KeyType: HASH}]
              StreamSpecification: {StreamViewType: VIEW}
          Trigger:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              EventSourceArn: !GetAtt Table.StreamArn
              FunctionName: f
              StartingPosition: LATEST
        """

    @Test func changedStreamReplacesTheMappingThatReadsIt() throws {
        let new = Self.streamTable.replacing("VIEW", with: "NEW_AND_OLD_IMAGES")
        let result = try diff(Self.streamTable.replacing("VIEW", with: "NEW_IMAGE"), new)
        #expect(result.resources.map(\.logicalID) == ["Table"])
        #expect(result.findings.map(\.logicalID) == ["Trigger"])
        #expect(kinds(result) == [.replacement])
    }

    @Test func changingAnIndexKeySchemaUnderTheSameNameFails() throws {
        let old = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  GlobalSecondaryIndexes:
                    - IndexName: by-user
                      KeySchema: [{AttributeName: user, KeyType: HASH}]
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
            """
        let throughputOnly = try diff(old, old.replacing("ReadCapacityUnits: 5", with: "ReadCapacityUnits: 10"))
        #expect(throughputOnly.findings.isEmpty)
        let keyChange = try diff(old, old.replacing("AttributeName: user", with: "AttributeName: owner"))
        #expect(kinds(keyChange) == [.willFail])
        #expect(keyChange.findings[0].message.contains("by-user changes its KeySchema"))
    }

    @Test func removingALogGroupWithoutRetainLosesItsEvents() throws {
        let old = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n  Topic:\n    Type: AWS::SNS::Topic\n"
        let result = try diff(old, "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        #expect(kinds(result) == [.dataLoss])
        let retained = try diff(old.replacing("LogGroup\n", with: "LogGroup\n    DeletionPolicy: Retain\n"),
                                "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        #expect(kinds(retained) == [.note])
    }

    @Test func replacingAQueueWithoutUpdateReplacePolicyLosesMessages() throws {
        let old = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      FifoQueue: false\n"
        let result = try diff(old, old.replacing("false", with: "true"))
        #expect(kinds(result) == [.dataLoss, .replacement])
    }

    @Test func changingATypeFails() throws {
        let result = try diff("Resources:\n  X:\n    Type: AWS::SQS::Queue\n", "Resources:\n  X:\n    Type: AWS::SNS::Topic\n")
        #expect(result.resources[0].oldType == "AWS::SQS::Queue")
        #expect(kinds(result) == [.willFail])
    }

    @Test func impactsComeFromTheSchemas() throws {
        let old = """
            Resources:
              Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  ServiceName: s
                  VpcId: v
                  DnsOptions: {DnsRecordIpType: ipv4, PrivateDnsPreference: ALL_DOMAINS}
                  Mystery: 1
                DeletionPolicy: Delete
            """
        let new = old.replacing("ipv4", with: "dualstack").replacing("Mystery: 1", with: "Mystery: 2")
            .replacing("Delete", with: "Retain")
        let impacts = try diff(old, new).resources[0].changes.map { "\(Display.path($0.path)) \($0.impact.identifier)" }
        #expect(impacts == ["DnsOptions.DnsRecordIpType noInterruption", "Mystery unknown", "DeletionPolicy none"])
        let nested = try diff(old, old.replacing("ALL_DOMAINS", with: "VERIFIED_DOMAINS_ONLY")).resources[0]
        #expect(nested.impact == .replacement)
    }

    @Test func samFunctionsAreAssessedAsTheResourcesSAMGenerates() throws {
        let old = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Consumer:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Policies: []
                  Events:
                    Stream:
                      Type: DynamoDB
                      Properties: {Stream: arn1, StartingPosition: LATEST, BatchSize: 1}
            """
        let runtime = try diff(old, old.replacing("python3.13", with: "python3.14")).resources[0]
        #expect(runtime.impact == .noInterruption)
        let batch = try diff(old, old.replacing("BatchSize: 1", with: "BatchSize: 5"))
        #expect(batch.resources[0].impact == .noInterruption)
        #expect(batch.findings.isEmpty)
        let position = try diff(old, old.replacing("LATEST", with: "TRIM_HORIZON"))
        #expect(position.resources[0].impact == .replacement)
        #expect(kinds(position) == [.replacement])
        #expect(position.findings[0].message.contains("ConsumerStream"))
        let source = try diff(old, old.replacing("arn1", with: "arn2")).resources[0].changes[0]
        #expect(source.reason == "EventSourceArn is create-only in the generated AWS::Lambda::EventSourceMapping ConsumerStream")
        let policies = try diff(old, old.replacing("Policies: []", with: "Policies: [AWSLambdaExecute]")).resources[0]
        #expect(policies.impact == .unknown)
    }

    @Test func multilineValuesShowAsLineDiffs() throws {
        let old = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Code:
                    ZipFile: |
                      import os
                      def handler(event, context):
                          return 1
            """
        let text = DiffReport(stacks: [try diff(old, old.replacing("return 1", with: "return 2"))]).render(.text(color: false))
        #expect(text.contains("        ~ Code.ZipFile  (in place: new invocations run the new code)\n"))
        #expect(text.contains("- " + "    return 1"))
        #expect(text.contains("+ " + "    return 2"))
    }

    @Test func savedGetTemplateResponsesAreUnwrapped() throws {
        let yamlBody = #"{"TemplateBody": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "StagesAvailable": ["Original"]}"#
        let jsonBody = #"{"TemplateBody": {"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}}"#
        let template = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
        #expect(try !diff(yamlBody, template).hasChanges)
        #expect(try !diff(jsonBody, template).hasChanges)
    }

    @Test func invalidTemplatesAreReportedWithTheirSource() {
        #expect(throws: TemplateDiffError.self) { try diff("Resources: [1]", "Resources: {}") }
        do {
            _ = try diff("Resources:\n  A: {Properties: {}}\n", "Resources: {}")
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error) == "not a CloudFormation template: s (previous): resource A has no Type")
        }
    }

    @Test func generatedSchemasCoverEverySupportedType() {
        let supported = [
            "AWS::DynamoDB::Table", "AWS::EC2::VPCEndpoint", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::Lambda::Function", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission", "AWS::Logs::LogGroup",
            "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Serverless::Function",
        ]
        for type in supported {
            #expect(ResourceSchema.named(type) != nil, "\(type)")
        }
        #expect(ResourceSchema.named("AWS::DynamoDB::Table")?.createOnly.contains(["TableName"]) == true)
        #expect(ResourceSchema.named("AWS::Lambda::EventSourceMapping")?.createOnly.contains(["StartingPosition"]) == true)
        #expect(ResourceSchema.named("AWS::S3::Bucket")?.createOnly.contains(["BucketName"]) == true)
    }
}

import Testing
@testable import TemplateDiff

/// The diff judges every type from the resource catalog, not from a hand-kept list.
struct CatalogDrivenRuleTests {
    private func diff(_ old: String, _ new: String) throws -> DiffReport {
        try DiffReport.compare(old: ["s": old], new: ["s": new])
    }

    private static func template(_ resources: String) -> String {
        "Resources:\n" + resources
    }

    @Test func aNewBucketNameReplacesTheBucketAndLosesItsObjects() throws {
        let old = Self.template("""
              Avatars:
                Type: AWS::S3::Bucket
                Properties: {BucketName: cruddur-avatars}
            """)
        let report = try diff(old, old.replacing("cruddur-avatars", with: "cruddur-avatars-2"))
        let findings = report.stacks[0].findings
        #expect(findings.map(\.kind) == [.dataLoss, .replacement])
        #expect(findings[0].message == "replacing it deletes the old AWS::S3::Bucket cruddur-avatars and its objects: set UpdateReplacePolicy: Retain to keep it.")
        #expect(findings[1].message.hasPrefix("replaced (BucketName is create-only)"))
        #expect(report.exitCode() == 3)
    }

    @Test func removingAStatefulResourceOfAnyCatalogTypeIsDataLoss() throws {
        for (type, noun) in [("AWS::RDS::DBInstance", "databases"), ("AWS::Kinesis::Stream", "records"), ("AWS::EFS::FileSystem", "files"), ("AWS::S3::Bucket", "objects")] {
            let old = Self.template("""
                  Keep:
                    Type: AWS::SNS::Topic
                  Store:
                    Type: \(type)
                """)
            let new = Self.template("""
                  Keep:
                    Type: AWS::SNS::Topic
                """)
            let report = try diff(old, new)
            #expect(report.stacks[0].findings.map(\.kind) == [.dataLoss], "\(type)")
            #expect(report.stacks[0].findings.first?.message == "removing it deletes the \(type) and its \(noun): set DeletionPolicy: Retain first to keep it.")
            #expect(report.exitCode() == 3)
            let retained = old.replacing("Type: \(type)", with: "Type: \(type)\n    DeletionPolicy: Retain")
            #expect(try diff(retained, new).stacks[0].findings.map(\.kind) == [.note], "\(type) retained")
        }
    }

    @Test func snapshotKeepsOnlyTheTypesThatTakeSnapshots() throws {
        let new = Self.template("  Keep:\n    Type: AWS::SNS::Topic\n")
        let database = Self.template("  Keep:\n    Type: AWS::SNS::Topic\n  Db:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n")
        #expect(try diff(database, new).stacks[0].findings.map(\.kind) == [.note])
        let bucket = database.replacing("AWS::RDS::DBInstance", with: "AWS::S3::Bucket")
        #expect(try diff(bucket, new).stacks[0].findings.map(\.kind) == [.dataLoss])
    }

    @Test func aTypeTheCatalogDoesNotHaveIsNeverSafe() throws {
        let old = Self.template("""
              Seed:
                Type: Custom::SeedData
                Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:seed, Rows: 10}
            """)
        let changed = try diff(old, old.replacing("Rows: 10", with: "Rows: 20"))
        #expect(changed.stacks[0].findings.map(\.kind) == [.cannotJudge])
        #expect(changed.stacks[0].findings[0].message.hasPrefix("Custom::SeedData is not in the resource catalog (cfn-lint 1.58.0 schemas): infra cannot tell"))
        #expect(changed.exitCode() == 3)
        #expect(changed.exitCode(allowingReplacementOf: ["Seed"]) == 1)

        let removed = try diff(old + "\n  Other:\n    Type: AWS::SNS::Topic\n", Self.template("  Other:\n    Type: AWS::SNS::Topic\n"))
        #expect(removed.stacks[0].findings.map(\.kind) == [.cannotJudge])
        #expect(removed.exitCode() == 3)

        let newerType = Self.template("  Thing:\n    Type: AWS::Future::Service\n    Properties: {Size: 1}\n")
        #expect(try diff(newerType, newerType.replacing("Size: 1", with: "Size: 2")).exitCode() == 3)
    }

    @Test func physicalNamesComeFromTheCatalog() throws {
        let old = Self.template("""
              Stream:
                Type: AWS::Kinesis::Stream
                Properties: {Name: clicks, RetentionPeriodHours: 24}
            """)
        // Renamed logical ID with the same fixed name: the new one cannot be created.
        let renamed = try diff(old, old.replacing("Stream:", with: "ClickStream:"))
        #expect(renamed.stacks[0].findings.map(\.kind).contains(.willFail))
    }
}

struct RetentionRemovalTests {
    @Test func droppingRetainFromAStatefulResourceNeedsApproval() throws {
        let old = """
            Resources:
              Avatars:
                Type: AWS::S3::Bucket
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
            """
        let report = try DiffReport.compare(old: ["s": old], new: ["s": old.replacing("    DeletionPolicy: Retain\n", with: "").replacing("UpdateReplacePolicy: Retain", with: "UpdateReplacePolicy: Delete")])
        let findings = report.stacks[0].findings
        #expect(findings.map(\.kind) == [.retentionRemoved, .retentionRemoved])
        #expect(findings[0].message == "DeletionPolicy changes from Retain to Delete (the default): removing the resource from the stack, or deleting the stack, will then delete the AWS::S3::Bucket and its objects. Keep Retain, or accept it with --allow-replacement Avatars.")
        #expect(findings[1].message.hasPrefix("UpdateReplacePolicy changes from Retain to Delete: a later replacement"))
        #expect(report.exitCode() == 3)
        #expect(report.exitCode(allowingReplacementOf: ["Avatars"]) == 1)

        // A stateless type, or Snapshot kept on a type that takes snapshots, is not flagged.
        let topic = old.replacing("AWS::S3::Bucket", with: "AWS::SNS::Topic")
        #expect(try DiffReport.compare(old: ["s": topic], new: ["s": topic.replacing("    DeletionPolicy: Retain\n", with: "")]).stacks[0].findings.isEmpty)
        let database = old.replacing("AWS::S3::Bucket", with: "AWS::RDS::DBInstance")
        #expect(try DiffReport.compare(old: ["s": database], new: ["s": database.replacing("DeletionPolicy: Retain", with: "DeletionPolicy: Snapshot")]).stacks[0].findings.isEmpty)
    }
}

import Testing
@testable import TemplateDiff

/// Cases that planted bugs once slipped past (see scripts/mutate and scripts/mutations/).
struct MutationKillingTests {
    private func diff(_ old: String, _ new: String) throws -> StackDiff {
        try DiffReport.compare(old: ["s": old], new: ["s": new]).stacks[0]
    }

    private static func table(indexes: [String]) -> String {
        var text = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]

            """
        if !indexes.isEmpty {
            text += "      GlobalSecondaryIndexes:\n"
            for name in indexes {
                text += "        - {IndexName: \(name), KeySchema: [{AttributeName: \(name), KeyType: HASH}], Projection: {ProjectionType: ALL}}\n"
            }
        }
        return text
    }

    /// One index created and another deleted is two index changes in one update.
    @Test func creatingOneIndexAndDeletingAnotherInOneUpdateFails() throws {
        let result = try diff(Self.table(indexes: ["by-user"]), Self.table(indexes: ["by-owner"]))
        let failures = result.findings.filter { $0.kind == .willFail }
        #expect(failures.count == 1)
        let message = failures.first?.message ?? ""
        #expect(message.contains("(by-owner)") && message.contains("(by-user)") && message.contains("in one update"), "\(message)")
    }

    @Test func oneIndexChangePerUpdateIsFine() throws {
        let added = try diff(Self.table(indexes: ["a"]), Self.table(indexes: ["a", "b"]))
        #expect(added.findings.filter { $0.kind == .willFail }.isEmpty)
        let removed = try diff(Self.table(indexes: ["a", "b"]), Self.table(indexes: ["a"]))
        #expect(removed.findings.filter { $0.kind == .willFail }.isEmpty)
    }

    /// DeletionPolicy: Snapshot keeps something only for types that support snapshots;
    /// for any other type CloudFormation deletes the resource (a table's items are gone).
    @Test func snapshotDeletionPolicyOnATypeWithoutSnapshotsLosesData() throws {
        let old = "Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Snapshot\n  Topic:\n    Type: AWS::SNS::Topic\n"
        let result = try diff(old, "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        #expect(result.findings.map(\.kind) == [.dataLoss])
        let retained = try diff(old.replacing("DeletionPolicy: Snapshot", with: "DeletionPolicy: Retain"),
                                "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        #expect(retained.findings.map(\.kind) == [.note])
    }

    @Test func snapshotUpdateReplacePolicyOnATypeWithoutSnapshotsLosesData() throws {
        let old = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      FifoQueue: false\n"
        let result = try diff(old, old.replacing("false", with: "true"))
        #expect(result.findings.map(\.kind) == [.dataLoss, .replacement])
    }

    /// Adding a parent value that holds a create-only property (DnsOptions with
    /// PrivateDnsPreference) replaces the endpoint; adding one without it does not.
    @Test func aCreateOnlyPropertyInsideAnAddedParentIsAReplacement() throws {
        let old = """
            Resources:
              Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  ServiceName: s
                  VpcId: v

            """
        let withPreference = try diff(old, old + "      DnsOptions: {PrivateDnsPreference: ALL_DOMAINS}\n")
        #expect(withPreference.resources.map(\.impact) == [.replacement])
        let withoutPreference = try diff(old, old + "      DnsOptions: {DnsRecordIpType: ipv4}\n")
        #expect(withoutPreference.resources.map(\.impact) == [.noInterruption])
    }
}

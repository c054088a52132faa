import CloudFormation

/// A table's stream, offered only by a `Table<WithStream>`: what a function is triggered on
/// and what `grantRead` grants.
public struct TableStream {
    let table: Table<WithStream>
    public let viewType: StreamViewType

    /// `!GetAtt <Table>.StreamArn`.
    public var arn: Value<String> { table.streamArn }
    public var tableLogicalID: String { table.logicalID }

    /// Grants reading the stream, as CDK's `grantStreamRead`: DescribeStream, GetRecords and
    /// GetShardIterator on the stream ARN, and ListStreams on `*` in a statement of its own
    /// (ListStreams has no resource-level permissions, so `*` is all IAM accepts).
    public func grantRead(_ grantee: Grantee) {
        grantRead(grantee, origin: .explicitGrant)
    }

    func grantRead(_ grantee: Grantee, origin: GrantTarget.Origin) {
        let table = table
        grantee.grantTarget.grant(origin) {
            PolicyStatement(sid: "Read\(table.logicalID)Stream", actions: DynamoDBAction.streamRead, resources: [table.streamArn])
        }
        grantee.grantTarget.grant(origin) {
            PolicyStatement(sid: "ListStreamsHasNoResourceLevelPermissions", actions: .actions([DynamoDBAction.listStreams]), resources: .all)
        }
    }

    /// The key attributes of the table, whose values stream records carry under `dynamodb.Keys`.
    var keyAttributes: [KeyAttribute] {
        [table.partitionKey] + (table.sortKey.map { [$0] } ?? [])
    }
}

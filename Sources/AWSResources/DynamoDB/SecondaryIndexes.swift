import CloudFormation

/// A global secondary index, made by `table.globalIndex(...)`: its own partition (and
/// optional sort) key, and on a PROVISIONED table its own throughput.
public struct GlobalSecondaryIndex {
    public let name: String
    public let partitionKey: KeyAttribute
    public let sortKey: KeyAttribute?
    public let projection: Projection
    public let throughput: Throughput?
    let table: TableLink

    /// `<table arn>/index/<name>`.
    public var arn: Value<String> { table.indexARN(name) }

    /// Grants read actions on this index only (`<table arn>/index/<name>`), e.g.
    /// `index.grant(function, .query)`. The Sid defaults to the action and the index name
    /// (`QueryMessageGroupSkIndex`).
    public func grant(_ grantee: Grantee, _ actions: DynamoDBIndexAction..., sid: String? = nil) {
        IndexGrant.grant(grantee, actions, on: table, indexName: name, sid: sid)
    }
}

/// A local secondary index, made by `table.localIndex(...)`: it shares the table's partition
/// key (which is why its initializer takes none) and has its own sort key.
public struct LocalSecondaryIndex {
    public let name: String
    public let sortKey: KeyAttribute
    public let projection: Projection
    let table: TableLink

    /// `<table arn>/index/<name>`.
    public var arn: Value<String> { table.indexARN(name) }

    /// Grants read actions on this index only, as `GlobalSecondaryIndex.grant`.
    public func grant(_ grantee: Grantee, _ actions: DynamoDBIndexAction..., sid: String? = nil) {
        IndexGrant.grant(grantee, actions, on: table, indexName: name, sid: sid)
    }
}

enum IndexGrant {
    static func grant(_ grantee: Grantee, _ actions: [DynamoDBIndexAction], on table: TableLink, indexName: String, sid: String?) {
        let sid = sid ?? defaultSid(actions, indexName: indexName)
        grantee.grantTarget.grant(.explicitGrant) {
            PolicyStatement(sid: sid, actions: actions.map { $0.action }, resources: [table.indexARN(indexName)])
        }
    }

    /// The action (or `Read` for several) and the index: `QueryMessageGroupSkIndex`.
    private static func defaultSid(_ actions: [DynamoDBIndexAction], indexName: String) -> String {
        let unique = Set(actions)
        let verb = unique.count == 1 ? NameRules.pascalCase(actions[0].rawValue) : "Read"
        var subject = NameRules.pascalCase(indexName)
        if !subject.lowercased().hasSuffix("index") { subject += "Index" }
        return verb + subject
    }
}

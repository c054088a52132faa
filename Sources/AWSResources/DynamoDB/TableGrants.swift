import CloudFormation

// Least-privilege grants on a table, as CDK's: each grant is one statement, named by a Sid
// that says what it allows. Statements are built at synthesis, so indexes declared after the
// grant are covered too.
extension Table {
    /// Reading items: BatchGetItem, ConditionCheckItem, DescribeTable, GetItem, Query and
    /// Scan on the table (and `<arn>/index/*` when it has indexes). Sid `Read<Table>`.
    public func grantReadData(_ grantee: Grantee, sid: String? = nil) {
        grantActions(grantee, DynamoDBAction.readData, sid: sid ?? "Read\(logicalID)")
    }

    /// Writing items: BatchWriteItem, DeleteItem, DescribeTable, PutItem and UpdateItem on
    /// the table. Sid `Write<Table>`.
    public func grantWriteData(_ grantee: Grantee, sid: String? = nil) {
        grantActions(grantee, DynamoDBAction.writeData, sid: sid ?? "Write\(logicalID)")
    }

    /// Both of the above in one statement. Sid `ReadWrite<Table>`.
    public func grantReadWriteData(_ grantee: Grantee, sid: String? = nil) {
        grantActions(grantee, DynamoDBAction.readData + DynamoDBAction.writeData, sid: sid ?? "ReadWrite\(logicalID)")
    }

    /// Exactly these actions, e.g. `table.grant(function, .putItem, .deleteItem)`. The Sid
    /// defaults to the action (`Query<Table>`) or, for several, to what they do:
    /// `Write<Table>`, `Read<Table>` or `Access<Table>`.
    public func grant(_ grantee: Grantee, _ actions: DynamoDBAction..., sid: String? = nil) {
        grantActions(grantee, actions, sid: sid ?? Self.defaultSid(for: actions, subject: logicalID))
    }

    private func grantActions(_ grantee: Grantee, _ actions: [DynamoDBAction], sid: String) {
        grantee.grantTarget.grant(.explicitGrant) { [self] in
            PolicyStatement(sid: sid, actions: actions, resources: resourceARNs(for: actions))
        }
    }

    static func defaultSid(for actions: [DynamoDBAction], subject: String) -> String {
        // Arrays, not Sets: a grant names a handful of actions, too few to pay for hashing.
        if let action = actions.first, actions.allSatisfy({ $0 == action }) {
            return NameRules.pascalCase(String(action.rawValue.dropFirst("dynamodb:".count))) + subject
        }
        if actions.allSatisfy(DynamoDBAction.writeData.contains) { return "Write\(subject)" }
        if actions.allSatisfy(DynamoDBAction.readData.contains) { return "Read\(subject)" }
        return "Access\(subject)"
    }
}

extension Table where StreamState == WithStream {
    /// Reading the stream; see `TableStream.grantRead`.
    public func grantStreamRead(_ grantee: Grantee) {
        stream.grantRead(grantee)
    }
}

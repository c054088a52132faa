import AWSResources
import CloudFormation
import Testing

@Suite struct GrantTests {
    /// The statements of the default policy of `logicalID`.
    static func statements(_ result: Synthesized, role logicalID: String = "App") -> [TemplateValue] {
        result.properties(logicalID)["Policies"]?.items?.last?.fields?["PolicyDocument"]?.fields?["Statement"]?.items ?? []
    }

    /// A table (with an index unless `indexed` is false) and a role, and the grants `grant` makes.
    static func granting(indexed: Bool = true, _ grant: @escaping @Sendable (Table<NoStream>, Role) -> Void) -> Synthesized {
        synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .string("sk")))
            if indexed { table.globalIndex("by-group", partitionKey: .string("group")) }
            let role = stack.add(Role("App", assumedBy: .lambda))
            grant(table, role)
        }
    }

    static let tableARN = TemplateValue.getAtt("Messages", "Arn")
    static let indexesARN = TemplateValue.intrinsic(.sub(SubTemplate(parts: [.attribute(ReferenceTarget("Messages", owner: "test"), "Arn"), .literal("/index/*")]), variables: Fields()))

    @Test func readDataCoversTheIndexes() {
        let result = Self.granting { $0.grantReadData($1) }
        #expect(Self.statements(result) == [[
            "Sid": "ReadMessages",
            "Effect": "Allow",
            "Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
            "Resource": [Self.tableARN, Self.indexesARN],
        ]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func readDataWithoutIndexesNamesOnlyTheTable() {
        let result = Self.granting(indexed: false) { $0.grantReadData($1) }
        #expect(Self.statements(result).first?.fields?["Resource"] == Self.tableARN)
    }

    @Test func writeDataActsOnTheTableOnly() {
        // Item writes cannot target an index, so `<arn>/index/*` would grant nothing.
        let result = Self.granting { $0.grantWriteData($1) }
        #expect(Self.statements(result) == [[
            "Sid": "WriteMessages",
            "Effect": "Allow",
            "Action": ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem"],
            "Resource": Self.tableARN,
        ]])
    }

    @Test func readWriteDataIsOneStatement() {
        let result = Self.granting { $0.grantReadWriteData($1) }
        #expect(Self.statements(result) == [[
            "Sid": "ReadWriteMessages",
            "Effect": "Allow",
            "Action": [
                "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable",
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem",
            ],
            "Resource": [Self.tableARN, Self.indexesARN],
        ]])
    }

    @Test func namedActionsAndTheirSids() {
        let result = Self.granting { table, role in
            table.grant(role, .putItem, .deleteItem)
            table.grant(role, .query)
            table.grant(role, .getItem, .updateItem)
            table.grant(role, .getItem, .query, sid: "Lookups")
        }
        #expect(Self.statements(result) == [
            ["Sid": "WriteMessages", "Effect": "Allow", "Action": ["dynamodb:DeleteItem", "dynamodb:PutItem"], "Resource": Self.tableARN],
            ["Sid": "QueryMessages", "Effect": "Allow", "Action": "dynamodb:Query", "Resource": [Self.tableARN, Self.indexesARN]],
            ["Sid": "AccessMessages", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:UpdateItem"], "Resource": Self.tableARN],
            ["Sid": "Lookups", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": [Self.tableARN, Self.indexesARN]],
        ])
    }

    @Test func indexGrantNamesOnlyThatIndex() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .string("sk")))
            let byGroup = table.globalIndex("message-group-sk-index", partitionKey: .string("group"), sortKey: .string("sk"))
            let byTime = table.localIndex("byTime", sortKey: .number("at"))
            let role = stack.add(Role("App", assumedBy: .lambda))
            byGroup.grant(role, .query)
            byTime.grant(role, .query, .scan)
            byGroup.grant(role, .query, sid: "QueryMessageGroupIndex")
        }
        let indexARN = TemplateValue.intrinsic(.sub(SubTemplate(parts: [.attribute(ReferenceTarget("Messages", owner: "test"), "Arn"), .literal("/index/message-group-sk-index")]), variables: Fields()))
        let localARN = TemplateValue.intrinsic(.sub(SubTemplate(parts: [.attribute(ReferenceTarget("Messages", owner: "test"), "Arn"), .literal("/index/byTime")]), variables: Fields()))
        // The third grant equals the first but for its Sid: it is dropped.
        #expect(Self.statements(result) == [
            ["Sid": "QueryMessageGroupSkIndex", "Effect": "Allow", "Action": "dynamodb:Query", "Resource": indexARN],
            ["Sid": "ReadByTimeIndex", "Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:Scan"], "Resource": localARN],
        ])
    }

    @Test func streamReadGrantsTheStreamAndListStreams() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
            let role = stack.add(Role("App", assumedBy: .lambda))
            table.grantStreamRead(role)
            table.stream.grantRead(role)
        }
        #expect(Self.statements(result) == [
            ["Sid": "ReadMessagesStream", "Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], "Resource": .getAtt("Messages", "StreamArn")],
            ["Sid": "ListStreamsHasNoResourceLevelPermissions", "Effect": "Allow", "Action": "dynamodb:ListStreams", "Resource": "*"],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func listStreamsIsSharedBetweenTables() {
        let result = synthesize { stack in
            let first = stack.add(Table("First", partitionKey: .string("pk"), stream: .keysOnly))
            let second = stack.add(Table("Second", partitionKey: .string("pk"), stream: .keysOnly))
            let role = stack.add(Role("App", assumedBy: .lambda))
            first.grantStreamRead(role)
            second.grantStreamRead(role)
        }
        let sids = Self.statements(result).compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["ReadFirstStream", "ListStreamsHasNoResourceLevelPermissions", "ReadSecondStream"])
    }

    @Test func grantsSeeIndexesDeclaredAfterThem() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk")))
            let role = stack.add(Role("App", assumedBy: .lambda))
            table.grantReadData(role)
            table.globalIndex("later", partitionKey: .string("x"))
        }
        #expect(Self.statements(result).first?.fields?["Resource"] == [Self.tableARN, Self.indexesARN])
    }

    @Test func grantsToAFunctionGoToItsRole() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk")))
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            table.grantReadData(function)
        }
        let sids = Self.statements(result, role: "AppRole").compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["WriteOwnLogs", "ReadMessages"])
    }
}

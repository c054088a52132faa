import AWSResources
import CloudFormation
import Testing

@Suite struct TableTests {
    @Test func defaultsSuitAStatefulResource() throws {
        let result = synthesize { stack in
            stack.add(Table("Sessions", partitionKey: .string("id")))
        }
        let resource = try #require(result.template.resource("Sessions"))
        #expect(resource.type == "AWS::DynamoDB::Table")
        #expect(resource.deletionPolicy == .retain)
        #expect(resource.updateReplacePolicy == .retain)
        #expect(resource.properties == [
            "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "BillingMode": "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true],
            "SSESpecification": ["SSEEnabled": true],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func policiesCanBeOverridden() throws {
        let result = synthesize { stack in
            let table = stack.add(Table("Scratch", partitionKey: .string("id")))
            table.deletionPolicy = .delete
            table.updateReplacePolicy = .delete
        }
        let resource = try #require(result.template.resource("Scratch"))
        #expect(resource.deletionPolicy == .delete)
        #expect(resource.updateReplacePolicy == .delete)
    }

    @Test func snapshotPolicyIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("Scratch", partitionKey: .string("id")))
            table.deletionPolicy = .snapshot
        }
        #expect(result.messages == ["error Scratch DeletionPolicy: a DynamoDB table does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete"])
    }

    @Test(arguments: [
        (KeyAttribute.string("a"), "S"), (KeyAttribute.number("a"), "N"), (KeyAttribute.binary("a"), "B"),
    ])
    func keyTypes(_ key: KeyAttribute, _ type: String) {
        let result = synthesize { stack in
            stack.add(Table("T", partitionKey: key))
        }
        #expect(result.properties("T")["AttributeDefinitions"] == [["AttributeName": "a", "AttributeType": .string(type)]])
    }

    @Test func attributeDefinitionsFollowFirstAppearance() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .number("sk")))
            table.globalIndex("by-owner", partitionKey: .string("owner"), sortKey: .number("sk"))
            table.globalIndex("by-kind", partitionKey: .string("kind"), sortKey: .string("owner"))
            table.localIndex("by-time", sortKey: .number("at"))
        }
        let names = result.properties("T")["AttributeDefinitions"]?.items?.compactMap { $0.fields?["AttributeName"]?.literalString }
        #expect(names == ["pk", "sk", "owner", "kind", "at"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func provisionedBillingRendersThroughput() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 5, write: 3)))
            table.globalIndex("by-x", partitionKey: .string("x"), projection: .keysOnly, throughput: Throughput(read: 2, write: 1))
        }
        let properties = result.properties("T")
        #expect(properties["BillingMode"] == "PROVISIONED")
        #expect(properties["ProvisionedThroughput"] == ["ReadCapacityUnits": 5, "WriteCapacityUnits": 3])
        #expect(properties["GlobalSecondaryIndexes"] == [[
            "IndexName": "by-x",
            "KeySchema": [["AttributeName": "x", "KeyType": "HASH"]],
            "Projection": ["ProjectionType": "KEYS_ONLY"],
            "ProvisionedThroughput": ["ReadCapacityUnits": 2, "WriteCapacityUnits": 1],
        ]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func globalIndexThroughputUnderPayPerRequestIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("by-x", partitionKey: .string("x"), throughput: Throughput(read: 1, write: 1))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput: index 'by-x' sets ProvisionedThroughput, but the table's BillingMode is PAY_PER_REQUEST, which takes none",
        ])
    }

    @Test func globalIndexWithoutThroughputUnderProvisionedIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 1, write: 1)))
            table.globalIndex("by-x", partitionKey: .string("x"), throughput: Throughput(read: 1, write: 1))
            table.globalIndex("by-y", partitionKey: .string("y"))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[1].ProvisionedThroughput: index 'by-y' needs ProvisionedThroughput (read and write capacity) because the table's BillingMode is PROVISIONED",
        ])
    }

    @Test func capacityBelowOneIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 0, write: 1)))
            table.globalIndex("by-x", partitionKey: .string("x"), throughput: Throughput(read: 1, write: 0))
        }
        #expect(result.messages == [
            "error T Properties.ProvisionedThroughput.ReadCapacityUnits: read capacity of the table is 0; it must be at least 1",
            "error T Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput.WriteCapacityUnits: write capacity of index 'by-x' is 0; it must be at least 1",
        ])
    }

    @Test func tableThroughputRemovedByOverrideIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 1, write: 1)))
            table.addPropertyDeletionOverride("ProvisionedThroughput")
        }
        #expect(result.messages == [
            "error T Properties.ProvisionedThroughput: the table needs ProvisionedThroughput (read and write capacity) because the table's BillingMode is PROVISIONED",
        ])
    }

    @Test func attributeWithTwoTypesIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.globalIndex("by-sk", partitionKey: .number("sk"))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].KeySchema[0]: attribute 'sk' is N in the partition key of index 'by-sk' but S in the table's sort key; an attribute has one type",
        ])
    }

    @Test func indexKeyMissingFromDefinitionsIsAnError() {
        // Derived definitions always match; an override that renames a key does not.
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("by-x", partitionKey: .string("x"))
            table.addPropertyOverride("GlobalSecondaryIndexes.0.KeySchema.0.AttributeName", "y")
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].KeySchema[0].AttributeName: key attribute 'y' of index 'by-x' is not in AttributeDefinitions",
            "error T Properties.AttributeDefinitions[1]: attribute 'x' is defined but is not a key of the table or of an index; CloudFormation rejects unused definitions",
        ])
    }

    @Test func localIndexSharesThePartitionKey() throws {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.localIndex("by-time", sortKey: .number("at"), projection: .include(["body"]))
        }
        #expect(result.properties("T")["LocalSecondaryIndexes"] == [[
            "IndexName": "by-time",
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "at", "KeyType": "RANGE"]],
            "Projection": ["ProjectionType": "INCLUDE", "NonKeyAttributes": ["body"]],
        ]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func localIndexWithAnotherPartitionKeyIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.localIndex("by-time", sortKey: .string("sk2"))
            table.addPropertyOverride("LocalSecondaryIndexes.0.KeySchema.0.AttributeName", "sk")
        }
        #expect(result.messages == [
            "error T Properties.LocalSecondaryIndexes[0].KeySchema[0].AttributeName: local index 'by-time' must share the table's partition key 'pk', not 'sk'",
        ])
    }

    @Test func localIndexNeedsASortKey() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.localIndex("by-time", sortKey: .number("at"))
        }
        #expect(result.messages == ["error T Properties.LocalSecondaryIndexes: local secondary indexes need a table with a sort key"])
    }

    @Test func indexLimits() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            for number in 1...21 { table.globalIndex("global-\(number)", partitionKey: .string("g\(number)")) }
            for number in 1...6 { table.localIndex("local-\(number)", sortKey: .string("l\(number)")) }
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes: the table has 21 global secondary indexes; DynamoDB allows 20",
            "error T Properties.LocalSecondaryIndexes: the table has 6 local secondary indexes; DynamoDB allows 5",
        ])
    }

    @Test func indexNamesAreChecked() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("ab", partitionKey: .string("a"))
            table.globalIndex("by owner", partitionKey: .string("b"))
            table.globalIndex("by-c", partitionKey: .string("c"))
            table.globalIndex("by-c", partitionKey: .string("d"))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].IndexName: index name 'ab' has 2 characters; it needs 3 to 255",
            "error T Properties.GlobalSecondaryIndexes[1].IndexName: index name 'by owner' contains ' '; only [a-zA-Z0-9_.-] are allowed",
            "error T Properties.GlobalSecondaryIndexes[3].IndexName: two indexes are named 'by-c'",
        ])
    }

    @Test func includeProjectionNeedsAttributes() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("by-x", partitionKey: .string("x"), projection: .include([]))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: index 'by-x' projects INCLUDE with no attributes; name at least one, or use KEYS_ONLY",
        ])
    }

    @Test(arguments: [
        ("ab", "table name 'ab' has 2 characters; it needs 3 to 255"),
        ("orders/2024", "table name 'orders/2024' contains '/'; only [a-zA-Z0-9_.-] are allowed"),
        (String(repeating: "t", count: 256), "table name '\(String(repeating: "t", count: 60))…(256 characters)' has 256 characters; it needs 3 to 255"),
    ])
    func tableNameIsChecked(_ name: String, _ message: String) {
        let result = synthesize { stack in
            stack.add(Table("T", tableName: Value(name), partitionKey: .string("pk")))
        }
        #expect(result.messages == ["error T Properties.TableName: \(message)"])
    }

    @Test(arguments: StreamViewType.allCases)
    func streamViewTypes(_ viewType: StreamViewType) {
        let result = synthesize { stack in
            stack.add(Table("T", partitionKey: .string("pk"), stream: viewType))
        }
        #expect(result.properties("T")["StreamSpecification"] == ["StreamViewType": .string(viewType.rawValue)])
    }

    @Test func settingsRender() {
        let result = synthesize { stack in
            stack.add(Table(
                "T",
                partitionKey: .string("pk"),
                timeToLiveAttribute: "expires",
                pointInTimeRecovery: false,
                encryption: .awsOwnedKey,
                deletionProtection: true,
                tableClass: .standardInfrequentAccess,
                tags: ["b": "2", "a": "1"]
            ))
        }
        let properties = result.properties("T")
        #expect(properties["TimeToLiveSpecification"] == ["AttributeName": "expires", "Enabled": true])
        #expect(properties["PointInTimeRecoverySpecification"] == ["PointInTimeRecoveryEnabled": false])
        #expect(properties["SSESpecification"] == nil)
        #expect(properties["DeletionProtectionEnabled"] == true)
        #expect(properties["TableClass"] == "STANDARD_INFREQUENT_ACCESS")
        // Tags keep declaration order.
        #expect(properties["Tags"] == [["Key": "b", "Value": "2"], ["Key": "a", "Value": "1"]])
    }

    @Test func duplicateAndReservedTagsAreErrors() {
        let result = synthesize { stack in
            stack.add(Table("T", partitionKey: .string("pk"), tags: ["team": "a", "team": "b", "aws:owner": "x"]))
        }
        #expect(result.messages == [
            "error T Properties.Tags[1].Key: tag 'team' is given twice",
            "error T Properties.Tags[2].Key: tag keys starting with 'aws:' are reserved for AWS",
        ])
    }

    @Test func attributesAreTyped() {
        _ = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
            let index = table.globalIndex("by-group", partitionKey: .string("group"))
            #expect(table.name.raw == .ref("Messages"))
            #expect(table.arn.raw == .getAtt("Messages", "Arn"))
            #expect(table.streamArn.raw == .getAtt("Messages", "StreamArn"))
            #expect(table.attribute(.streamArn) == table.streamArn)
            #expect(table.stream.arn == table.streamArn)
            #expect(index.name == "by-group")
            #expect(index.arn.raw == .intrinsic(.sub(SubTemplate(parts: [.attribute(ReferenceTarget("Messages", owner: "test"), "Arn"), .literal("/index/by-group")]), variables: Fields())))
        }
        // A table without a stream has no `stream`, `streamArn` or `.streamArn` attribute:
        // `Table("T", partitionKey: .string("pk")).stream` does not compile.
    }

    @Test func streamRemovedByOverrideIsAnErrorWhenSomethingReadsIt() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
            let function = stack.add(Function("Reader", runtime: .python3_13, handler: "index.handler", code: .s3(bucket: "b", key: "k")))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, alarms: .none))
            table.addPropertyDeletionOverride("StreamSpecification")
        }
        #expect(result.messages == [
            "error Messages Properties.StreamSpecification: the table has no stream, but ReaderMessagesEvents reads from it",
        ])
    }

    /// The rules run on what deploys, decoded as the L1 `CfnTable`: a value an override sets
    /// is checked as a typed one, and what is only known at deploy (an `Fn::If` where an
    /// object goes) is not reported as missing.
    @Test func rulesReadTheOverriddenTableTyped() {
        let checked = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 5, write: 5)))
            table.addPropertyOverride("ProvisionedThroughput.ReadCapacityUnits", 0)
            table.addPropertyOverride("TimeToLiveSpecification", ["AttributeName": "pk", "Enabled": true])
        }
        #expect(checked.messages == [
            "error T Properties.ProvisionedThroughput.ReadCapacityUnits: read capacity of the table is 0; it must be at least 1",
            "error T Properties.TimeToLiveSpecification.AttributeName: the time-to-live attribute 'pk' is a key attribute of type S (String); DynamoDB expires items only by a Number attribute (epoch seconds), so no item would ever expire: use a Number attribute",
        ])

        let conditional = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 5, write: 5)))
            table.addPropertyOverride("ProvisionedThroughput", .intrinsic(.if(condition: "Big", then: ["ReadCapacityUnits": 50, "WriteCapacityUnits": 50], else: ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5])))
        }
        #expect(!conditional.messages.contains { $0.contains("needs ProvisionedThroughput") }, "\(conditional.messages)")

        let removed = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), billing: .provisioned(read: 5, write: 5)))
            table.addPropertyDeletionOverride("ProvisionedThroughput")
        }
        #expect(removed.messages == ["error T Properties.ProvisionedThroughput: the table needs ProvisionedThroughput (read and write capacity) because the table's BillingMode is PROVISIONED"])
    }
}

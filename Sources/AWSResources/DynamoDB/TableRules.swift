import AWSDynamoDB
import CloudFormation

/// The checks on a table: those on the typed model (names, index limits), and those on what
/// deploys, the rendered properties decoded as a `CfnTable` (billing against throughput,
/// keys against attribute definitions), which also catch what a property override changed.
enum TableRules {
    static let maximumGlobalIndexes = 20
    static let maximumLocalIndexes = 5
    /// Non-key attributes projected into all of a table's indexes together.
    static let maximumProjectedAttributes = 100

    /// The table's settings are passed in: generic over the table's stream state, this ran
    /// unspecialized, looking up generic metadata for every value it read.
    static func validateModel(of table: Resource, sortKey: KeyAttribute?, globalIndexes: [GlobalSecondaryIndex], localIndexes: [LocalSecondaryIndex], timeToLiveAttribute: String?, in context: SynthesisContext) {
        if globalIndexes.count > maximumGlobalIndexes {
            context.error(table, at: PropertyPath.properties / "GlobalSecondaryIndexes", "the table has \(globalIndexes.count) global secondary indexes; DynamoDB allows \(maximumGlobalIndexes)")
        }
        if localIndexes.count > maximumLocalIndexes {
            context.error(table, at: PropertyPath.properties / "LocalSecondaryIndexes", "the table has \(localIndexes.count) local secondary indexes; DynamoDB allows \(maximumLocalIndexes)")
        }
        if !localIndexes.isEmpty, sortKey == nil {
            context.error(table, at: PropertyPath.properties / "LocalSecondaryIndexes", "local secondary indexes need a table with a sort key")
        }

        var names: [String] = []  // a table has at most 25 indexes
        var projected = 0
        let indexes: [(name: String, projection: Projection, path: PropertyPath)] =
            globalIndexes.enumerated().map { ($1.name, $1.projection, PropertyPath.properties.key("GlobalSecondaryIndexes").index($0)) }
            + localIndexes.enumerated().map { ($1.name, $1.projection, PropertyPath.properties.key("LocalSecondaryIndexes").index($0)) }
        for index in indexes {
            checkName(index.name, kind: "index name", of: table, at: index.path.key("IndexName"), in: context)
            if names.contains(index.name) {
                context.error(table, at: index.path.key("IndexName"), "two indexes are named '\(Diagnostic.abbreviated(index.name))'")
            } else {
                names.append(index.name)
            }
            if case .include(let attributes) = index.projection, attributes.isEmpty {
                context.error(table, at: index.path.key("Projection").key("NonKeyAttributes"), "index '\(Diagnostic.abbreviated(index.name))' projects INCLUDE with no attributes; name at least one, or use KEYS_ONLY")
            }
            projected += index.projection.nonKeyAttributes.count
        }
        if projected > maximumProjectedAttributes {
            context.error(table, at: PropertyPath.properties, "the indexes project \(projected) non-key attributes in all; DynamoDB allows \(maximumProjectedAttributes)")
        }
        if let attribute = timeToLiveAttribute, attribute.isEmpty {
            context.error(table, at: PropertyPath.properties.key("TimeToLiveSpecification").key("AttributeName"), "the time-to-live attribute name is empty")
        }
    }

    static func checkName(_ name: String, kind: String, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        NameRules.check(name, kind: kind, length: 3...255, characters: "[a-zA-Z0-9_.-]", allowed: NameRules.isDynamoDBNameCharacter, allowedASCII: NameRules.isDynamoDBNameByte, style: .separate, of: resource, at: path, in: context)
    }

    /// Key and projected attribute names: 1 to 255 characters, any of them.
    private static func checkAttributeName(_ name: String, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        NameRules.check(name, kind: "attribute name", length: 1...255, allowedASCII: { _ in true }, of: resource, at: path, in: context)
    }

    /// The attributes an INCLUDE projection names.
    private static func checkProjection(_ projection: CfnTable.Projection, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        for (position, attribute) in (projection.nonKeyAttributes?.items ?? []).enumerated() {
            guard let name = attribute.literal else { continue }
            checkAttributeName(name, of: resource, at: path.key("NonKeyAttributes").index(position), in: context)
        }
    }

    /// The rules on what deploys (the rendered properties, overrides applied, as a `CfnTable`).
    static func validate(_ deployed: DeployedProperties<CfnTable>, of table: Resource, in context: SynthesisContext) {
        let root = PropertyPath.properties
        let cfn = deployed.resource
        if let name = cfn.tableName?.literal {
            checkName(name, kind: "table name", of: table, at: root / "TableName", in: context)
        }
        // PROVISIONED is CloudFormation's default; a mode given at deploy time is taken as it.
        let mode = cfn.billingMode ?? .provisioned
        let provisioned = mode == .provisioned || mode.templateValue.literalString == nil
        if let text = mode.templateValue.literalString, mode != .provisioned, mode != .payPerRequest {
            context.error(table, at: root / "BillingMode", "billing mode '\(Diagnostic.abbreviated(text))' is neither PROVISIONED nor PAY_PER_REQUEST")
        }
        checkThroughput(cfn.provisionedThroughput, provisioned: provisioned, complete: deployed.isComplete, owner: "the table", of: table, at: root / "ProvisionedThroughput", in: context)

        let definitions = (cfn.attributeDefinitions ?? []).compactMap { $0.attributeName.literal }
        var used: [String] = []  // the keys of a table and its indexes: a few dozen at most
        used.reserveCapacity(definitions.count)
        // `owner` is made only for a message.
        func checkKeys(_ names: [Value<String>]?, owner: @autoclosure () -> String, at path: PropertyPath) -> [String] {
            var checked: [String] = []
            checked.reserveCapacity(names?.count ?? 0)
            for (position, key) in (names ?? []).enumerated() {
                guard let name = key.literal else { continue }
                checked.append(name)
                if !used.contains(name) { used.append(name) }
                checkAttributeName(name, of: table, at: path.index(position).key("AttributeName"), in: context)
                if !definitions.contains(name) {
                    context.error(table, at: path.index(position).key("AttributeName"), "key attribute '\(Diagnostic.abbreviated(name))' of \(owner()) is not in AttributeDefinitions")
                }
            }
            return checked
        }
        // The table's KeySchema is untyped in the schema (it also allows an object); as a list it is this.
        let tableKeySchema = [CfnTable.KeySchema](decoding: cfn.keySchema)
        let tableKeys = checkKeys(tableKeySchema?.map { $0.attributeName }, owner: "the table", at: root / "KeySchema")

        for (position, index) in (cfn.globalSecondaryIndexes ?? []).enumerated() {
            let name = index.indexName.literal ?? "#\(position)"
            let path = root.key("GlobalSecondaryIndexes").index(position)
            _ = checkKeys(index.keySchema.map { $0.attributeName }, owner: "index '\(Diagnostic.abbreviated(name))'", at: path.key("KeySchema"))
            checkProjection(index.projection, of: table, at: path.key("Projection"), in: context)
            checkThroughput(index.provisionedThroughput, provisioned: provisioned, complete: deployed.isComplete, owner: "index '\(Diagnostic.abbreviated(name))'", of: table, at: path.key("ProvisionedThroughput"), in: context)
        }
        for (position, index) in (cfn.localSecondaryIndexes ?? []).enumerated() {
            let name = index.indexName.literal ?? "#\(position)"
            let path = root.key("LocalSecondaryIndexes").index(position)
            let keys = checkKeys(index.keySchema.map { $0.attributeName }, owner: "index '\(Diagnostic.abbreviated(name))'", at: path.key("KeySchema"))
            checkProjection(index.projection, of: table, at: path.key("Projection"), in: context)
            if let partitionKey = keys.first, let tablePartitionKey = tableKeys.first, partitionKey != tablePartitionKey {
                context.error(table, at: path.key("KeySchema").index(0).key("AttributeName"), "local index '\(Diagnostic.abbreviated(name))' must share the table's partition key '\(Diagnostic.abbreviated(tablePartitionKey))', not '\(Diagnostic.abbreviated(partitionKey))'")
            }
        }
        checkTimeToLive(cfn, of: table, in: context)
        for (position, name) in definitions.enumerated() where !used.contains(name) {
            context.error(table, at: root.key("AttributeDefinitions").index(position), "attribute '\(Diagnostic.abbreviated(name))' is defined but is not a key of the table or of an index; CloudFormation rejects unused definitions")
        }
        ResourceTags.validate(cfn.tags, of: table, in: context)
    }

    /// DynamoDB expires an item only when its time-to-live attribute is a Number (epoch
    /// seconds). A key attribute is in every item with its key type, so TTL on a String or
    /// Binary key is accepted by the deploy and then never deletes anything.
    private static func checkTimeToLive(_ cfn: CfnTable, of table: Resource, in context: SynthesisContext) {
        guard let specification = cfn.timeToLiveSpecification,
              specification.enabled.literal != false,
              let name = specification.attributeName?.literal else { return }
        for definition in cfn.attributeDefinitions ?? [] {
            guard definition.attributeName.literal == name, definition.attributeType != .n,
                  let type = definition.attributeType.templateValue.literalString else { continue }
            let typeName = definition.attributeType == .s ? "String" : definition.attributeType == .b ? "Binary" : type
            context.error(table, at: PropertyPath.properties.key("TimeToLiveSpecification").key("AttributeName"),
                          "the time-to-live attribute '\(Diagnostic.abbreviated(name))' is a key attribute of type \(type) (\(typeName)); DynamoDB expires items only by a Number attribute (epoch seconds), so no item would ever expire: use a Number attribute")
            return
        }
    }

    /// `complete`: every property decoded; otherwise a missing throughput may be an intrinsic
    /// (`Fn::If`) that gives one at deploy, and is not reported.
    private static func checkThroughput(_ throughput: CfnTable.ProvisionedThroughput?, provisioned: Bool, complete: @autoclosure () -> Bool, owner: @autoclosure () -> String, of table: Resource, at path: PropertyPath, in context: SynthesisContext) {
        switch (provisioned, throughput) {
        case (true, nil):
            if complete() {
                context.error(table, at: path, "\(owner()) needs ProvisionedThroughput (read and write capacity) because the table's BillingMode is PROVISIONED")
            }
        case (false, .some):
            context.error(table, at: path, "\(owner()) sets ProvisionedThroughput, but the table's BillingMode is PAY_PER_REQUEST, which takes none")
        case (true, .some(let value)):
            for (units, key, label) in [(value.readCapacityUnits, "ReadCapacityUnits", "read"), (value.writeCapacityUnits, "WriteCapacityUnits", "write")] {
                if let units = units.literal, units < 1 {
                    context.error(table, at: path.key(key), "\(label) capacity of \(owner()) is \(units); it must be at least 1")
                }
            }
        case (false, nil):
            break
        }
    }
}

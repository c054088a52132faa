import CloudFormation

/// The checks on a table: those on the typed model (names, index limits), and those on the
/// rendered properties (billing against throughput, keys against attribute definitions),
/// which also catch what a property override changed.
enum TableRules {
    static let maximumGlobalIndexes = 20
    static let maximumLocalIndexes = 5
    /// Non-key attributes projected into all of a table's indexes together.
    static let maximumProjectedAttributes = 100

    static func validateModel<S>(of table: Table<S>, in context: SynthesisContext) {
        if table.globalIndexes.count > maximumGlobalIndexes {
            context.error(table, at: PropertyPath.properties / "GlobalSecondaryIndexes", "the table has \(table.globalIndexes.count) global secondary indexes; DynamoDB allows \(maximumGlobalIndexes)")
        }
        if table.localIndexes.count > maximumLocalIndexes {
            context.error(table, at: PropertyPath.properties / "LocalSecondaryIndexes", "the table has \(table.localIndexes.count) local secondary indexes; DynamoDB allows \(maximumLocalIndexes)")
        }
        if !table.localIndexes.isEmpty, table.sortKey == nil {
            context.error(table, at: PropertyPath.properties / "LocalSecondaryIndexes", "local secondary indexes need a table with a sort key")
        }

        var names: Set<String> = []
        var projected = 0
        let indexes: [(name: String, projection: Projection, path: PropertyPath)] =
            table.globalIndexes.enumerated().map { ($1.name, $1.projection, PropertyPath.properties.key("GlobalSecondaryIndexes").index($0)) }
            + table.localIndexes.enumerated().map { ($1.name, $1.projection, PropertyPath.properties.key("LocalSecondaryIndexes").index($0)) }
        for index in indexes {
            checkName(index.name, kind: "index name", of: table, at: index.path.key("IndexName"), in: context)
            if !names.insert(index.name).inserted {
                context.error(table, at: index.path.key("IndexName"), "two indexes are named '\(Diagnostic.abbreviated(index.name))'")
            }
            if case .include(let attributes) = index.projection, attributes.isEmpty {
                context.error(table, at: index.path.key("Projection").key("NonKeyAttributes"), "index '\(Diagnostic.abbreviated(index.name))' projects INCLUDE with no attributes; name at least one, or use KEYS_ONLY")
            }
            projected += index.projection.nonKeyAttributes.count
        }
        if projected > maximumProjectedAttributes {
            context.error(table, at: PropertyPath.properties, "the indexes project \(projected) non-key attributes in all; DynamoDB allows \(maximumProjectedAttributes)")
        }
        if let attribute = table.timeToLiveAttribute, attribute.isEmpty {
            context.error(table, at: PropertyPath.properties.key("TimeToLiveSpecification").key("AttributeName"), "the time-to-live attribute name is empty")
        }
    }

    static func checkName(_ name: String, kind: String, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        NameRules.check(name, kind: kind, length: 3...255, characters: "[a-zA-Z0-9_.-]", allowed: NameRules.isDynamoDBNameCharacter, style: .separate, of: resource, at: path, in: context)
    }

    /// Key and projected attribute names: 1 to 255 characters, any of them.
    private static func checkAttributeName(_ name: String, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        NameRules.check(name, kind: "attribute name", length: 1...255, of: resource, at: path, in: context)
    }

    /// The attributes an INCLUDE projection names.
    private static func checkProjection(_ projection: TemplateValue?, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        for (position, attribute) in (projection?.objectFields?["NonKeyAttributes"]?.listItems ?? []).enumerated() {
            guard let name = attribute.literalString else { continue }
            checkAttributeName(name, of: resource, at: path.key("NonKeyAttributes").index(position), in: context)
        }
    }

    static func validateRendered(_ properties: Fields, of table: Resource, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if let name = properties["TableName"]?.literalString {
            checkName(name, kind: "table name", of: table, at: root / "TableName", in: context)
        }
        let mode = properties["BillingMode"]?.literalString ?? "PROVISIONED"
        let provisioned = mode == "PROVISIONED"
        if mode != "PROVISIONED", mode != "PAY_PER_REQUEST", properties["BillingMode"]?.literalString != nil {
            context.error(table, at: root / "BillingMode", "billing mode '\(Diagnostic.abbreviated(mode))' is neither PROVISIONED nor PAY_PER_REQUEST")
        }
        checkThroughput(properties["ProvisionedThroughput"], provisioned: provisioned, owner: "the table", of: table, at: root / "ProvisionedThroughput", in: context)

        let definitions = (properties["AttributeDefinitions"]?.listItems ?? []).compactMap { $0.objectFields?["AttributeName"]?.literalString }
        var used: Set<String> = []
        func checkKeys(_ schema: TemplateValue?, owner: String, at path: PropertyPath) -> [String] {
            var names: [String] = []
            for (position, key) in (schema?.listItems ?? []).enumerated() {
                guard let name = key.objectFields?["AttributeName"]?.literalString else { continue }
                names.append(name)
                used.insert(name)
                checkAttributeName(name, of: table, at: path.index(position).key("AttributeName"), in: context)
                if !definitions.contains(name) {
                    context.error(table, at: path.index(position).key("AttributeName"), "key attribute '\(Diagnostic.abbreviated(name))' of \(owner) is not in AttributeDefinitions")
                }
            }
            return names
        }
        let tableKeys = checkKeys(properties["KeySchema"], owner: "the table", at: root / "KeySchema")

        for (position, index) in (properties["GlobalSecondaryIndexes"]?.listItems ?? []).enumerated() {
            let fields = index.objectFields ?? Fields()
            let name = fields["IndexName"]?.literalString ?? "#\(position)"
            let path = root.key("GlobalSecondaryIndexes").index(position)
            _ = checkKeys(fields["KeySchema"], owner: "index '\(Diagnostic.abbreviated(name))'", at: path.key("KeySchema"))
            checkProjection(fields["Projection"], of: table, at: path.key("Projection"), in: context)
            checkThroughput(fields["ProvisionedThroughput"], provisioned: provisioned, owner: "index '\(Diagnostic.abbreviated(name))'", of: table, at: path.key("ProvisionedThroughput"), in: context)
        }
        for (position, index) in (properties["LocalSecondaryIndexes"]?.listItems ?? []).enumerated() {
            let fields = index.objectFields ?? Fields()
            let name = fields["IndexName"]?.literalString ?? "#\(position)"
            let path = root.key("LocalSecondaryIndexes").index(position)
            let keys = checkKeys(fields["KeySchema"], owner: "index '\(Diagnostic.abbreviated(name))'", at: path.key("KeySchema"))
            checkProjection(fields["Projection"], of: table, at: path.key("Projection"), in: context)
            if let partitionKey = keys.first, let tablePartitionKey = tableKeys.first, partitionKey != tablePartitionKey {
                context.error(table, at: path.key("KeySchema").index(0).key("AttributeName"), "local index '\(Diagnostic.abbreviated(name))' must share the table's partition key '\(Diagnostic.abbreviated(tablePartitionKey))', not '\(Diagnostic.abbreviated(partitionKey))'")
            }
        }
        checkTimeToLive(properties, of: table, in: context)
        for (position, name) in definitions.enumerated() where !used.contains(name) {
            context.error(table, at: root.key("AttributeDefinitions").index(position), "attribute '\(Diagnostic.abbreviated(name))' is defined but is not a key of the table or of an index; CloudFormation rejects unused definitions")
        }
        ResourceTags.validate(rendered: properties["Tags"], of: table, in: context)
    }

    /// DynamoDB expires an item only when its time-to-live attribute is a Number (epoch
    /// seconds). A key attribute is in every item with its key type, so TTL on a String or
    /// Binary key is accepted by the deploy and then never deletes anything.
    private static func checkTimeToLive(_ properties: Fields, of table: Resource, in context: SynthesisContext) {
        guard let specification = properties["TimeToLiveSpecification"]?.objectFields,
              specification["Enabled"]?.literalBoolean != false,
              let name = specification["AttributeName"]?.literalString else { return }
        for definition in properties["AttributeDefinitions"]?.listItems ?? [] {
            let fields = definition.objectFields ?? Fields()
            guard fields["AttributeName"]?.literalString == name, let type = fields["AttributeType"]?.literalString, type != "N" else { continue }
            let typeName = type == "S" ? "String" : type == "B" ? "Binary" : type
            context.error(table, at: PropertyPath.properties.key("TimeToLiveSpecification").key("AttributeName"),
                          "the time-to-live attribute '\(Diagnostic.abbreviated(name))' is a key attribute of type \(type) (\(typeName)); DynamoDB expires items only by a Number attribute (epoch seconds), so no item would ever expire: use a Number attribute")
            return
        }
    }

    private static func checkThroughput(_ throughput: TemplateValue?, provisioned: Bool, owner: String, of table: Resource, at path: PropertyPath, in context: SynthesisContext) {
        switch (provisioned, throughput) {
        case (true, nil):
            context.error(table, at: path, "\(owner) needs ProvisionedThroughput (read and write capacity) because the table's BillingMode is PROVISIONED")
        case (false, .some):
            context.error(table, at: path, "\(owner) sets ProvisionedThroughput, but the table's BillingMode is PAY_PER_REQUEST, which takes none")
        case (true, .some(let value)):
            let fields = value.objectFields ?? Fields()
            for (key, label) in [("ReadCapacityUnits", "read"), ("WriteCapacityUnits", "write")] {
                if let units = fields[key]?.literalInteger, units < 1 {
                    context.error(table, at: path.key(key), "\(label) capacity of \(owner) is \(units); it must be at least 1")
                }
            }
        case (false, nil):
            break
        }
    }
}

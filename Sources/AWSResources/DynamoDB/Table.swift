import AWSDynamoDB
import CloudFormation

/// A DynamoDB table (`AWS::DynamoDB::Table`).
///
///     let messages = stack.add(Table("Messages", tableName: "cruddur-messages",
///         partitionKey: .string("pk"), sortKey: .string("sk"),
///         billing: .provisioned(read: 5, write: 5), stream: .newImage))
///     let byGroup = messages.globalIndex("message-group-sk-index",
///         partitionKey: .string("message_group_uuid"), sortKey: .string("sk"),
///         throughput: Throughput(read: 5, write: 5))
///
/// Defaults for a stateful resource: DeletionPolicy and UpdateReplacePolicy Retain (a stack
/// delete or a replacing change leaves the data in place), point-in-time recovery on, and
/// encryption with the AWS managed key (`SSEEnabled: true`, see `TableEncryption`).
/// Attribute definitions are derived from the keys; they are never listed by hand.
public final class Table<StreamState: TableStreamState>: Resource, HasAttributes, TableResource {
    public typealias Attribute = StreamState.Attribute

    /// A fixed name (3 to 255 of `[a-zA-Z0-9_.-]`). A named table cannot be replaced in place.
    public var tableName: Value<String>?
    public let partitionKey: KeyAttribute
    public let sortKey: KeyAttribute?
    public var billing: Billing
    let streamViewType: StreamViewType?
    /// The number attribute (epoch seconds) whose items DynamoDB expires.
    public var timeToLiveAttribute: String?
    public var pointInTimeRecovery: Bool
    public var encryption: TableEncryption
    /// Blocks DeleteTable through any API. Off by default: Retain already keeps CloudFormation
    /// from deleting the data, and protection would also block deliberate teardown of test stacks.
    public var deletionProtection: Bool
    /// nil keeps DynamoDB's default (STANDARD) without writing it.
    public var tableClass: TableClass?
    public var tags: ResourceTags
    public private(set) var globalIndexes: [GlobalSecondaryIndex] = []
    public private(set) var localIndexes: [LocalSecondaryIndex] = []
    /// Logical IDs of the event-source mappings reading the stream, to report them if an
    /// override removes the stream.
    var streamConsumers: [String] = []
    /// The L1 object the properties were last rendered from, checked in place of decoding
    /// them back when no override changed them (`DeployedProperties`).
    private var renderedModel: CfnTable?

    init(
        logicalID: String,
        tableName: Value<String>?,
        partitionKey: KeyAttribute,
        sortKey: KeyAttribute?,
        billing: Billing,
        streamViewType: StreamViewType?,
        timeToLiveAttribute: String?,
        pointInTimeRecovery: Bool,
        encryption: TableEncryption,
        deletionProtection: Bool,
        tableClass: TableClass?,
        tags: ResourceTags
    ) {
        self.tableName = tableName
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.billing = billing
        self.streamViewType = streamViewType
        self.timeToLiveAttribute = timeToLiveAttribute
        self.pointInTimeRecovery = pointInTimeRecovery
        self.encryption = encryption
        self.deletionProtection = deletionProtection
        self.tableClass = tableClass
        self.tags = tags
        super.init(logicalID: logicalID, type: TableType.name)
        deletionPolicy = .retain
        updateReplacePolicy = .retain
    }

    /// The table's name (its Ref).
    public var name: Value<String> { ref }
    public var arn: Value<String> { getAtt("Arn") }
    public var hasSecondaryIndexes: Bool { !globalIndexes.isEmpty || !localIndexes.isEmpty }

    /// Adds a global secondary index (at most 20) and returns it, for its name, ARN and grants.
    /// - Parameter throughput: required when the table is PROVISIONED, refused when PAY_PER_REQUEST.
    @discardableResult
    public func globalIndex(_ name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, projection: Projection = .all, throughput: Throughput? = nil) -> GlobalSecondaryIndex {
        let index = GlobalSecondaryIndex(name: name, partitionKey: partitionKey, sortKey: sortKey, projection: projection, throughput: throughput, table: TableLink(self))
        globalIndexes.append(index)
        return index
    }

    /// Adds a local secondary index (at most 5; only on a table with a sort key, and only
    /// when the table is created: DynamoDB cannot add one later).
    @discardableResult
    public func localIndex(_ name: String, sortKey: KeyAttribute, projection: Projection = .all) -> LocalSecondaryIndex {
        let index = LocalSecondaryIndex(name: name, sortKey: sortKey, projection: projection, table: TableLink(self))
        localIndexes.append(index)
        return index
    }

    /// The rules run on what deploys: the rendered properties, overrides applied, as a `CfnTable`.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        defer { renderedModel = nil }
        let deployed = DeployedProperties<CfnTable>(properties, rendered: renderedModel, of: self, in: context)
        if let deployed {
            TableRules.validate(deployed, of: self, in: context)
        }
        // DynamoDB has no snapshot that CloudFormation can take (backups are a separate service).
        if deletionPolicy == .snapshot {
            context.error(self, path: "DeletionPolicy", "a DynamoDB table does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete")
        }
        if updateReplacePolicy == .snapshot {
            context.error(self, path: "UpdateReplacePolicy", "a DynamoDB table does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete")
        }
        if let deployed, deployed.resource.streamSpecification == nil, !streamConsumers.isEmpty, deployed.isComplete {
            context.error(self, at: PropertyPath.properties / "StreamSpecification", "the table has no stream, but \(streamConsumers.joined(separator: ", ")) reads from it")
        }
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        TableRules.validateModel(of: self, sortKey: sortKey, globalIndexes: globalIndexes, localIndexes: localIndexes, timeToLiveAttribute: timeToLiveAttribute, in: context)
        let model = cfnTable(in: context)
        renderedModel = model
        return RenderOrder.table.apply(to: model.properties(in: context))
    }


    /// The L1 table this one renders as, built from the typed settings.
    func cfnTable(in context: SynthesisContext) -> CfnTable {
        // The list built here, as `Array.templateValue` builds it: that generic extension runs
        // unspecialized from this module (metadata look-ups per element).
        let keySchema = TableShapes.keySchema(partitionKey, sortKey, CfnTable.KeySchema.init)
        let table = CfnTable(logicalID, keySchema: .list(keySchema.map { $0.templateValue }))
        table.tableName = tableName
        table.attributeDefinitions = attributeDefinitions(in: context).map {
            CfnTable.AttributeDefinition(attributeName: Value($0.name), attributeType: $0.type.cfnType)
        }
        if !globalIndexes.isEmpty {
            table.globalSecondaryIndexes = globalIndexes.map { index in
                CfnTable.GlobalSecondaryIndex(
                    indexName: Value(index.name),
                    keySchema: TableShapes.keySchema(index.partitionKey, index.sortKey, CfnTable.GlobalSecondaryIndex.KeySchema.init),
                    projection: index.projection.cfnProjection,
                    provisionedThroughput: index.throughput.map { TableShapes.throughput(read: $0.read, write: $0.write) })
            }
        }
        if !localIndexes.isEmpty {
            table.localSecondaryIndexes = localIndexes.map { index in
                CfnTable.LocalSecondaryIndex(
                    indexName: Value(index.name),
                    keySchema: TableShapes.keySchema(partitionKey, index.sortKey, CfnTable.KeySchema.init),
                    projection: index.projection.cfnProjection)
            }
        }
        table.billingMode = billing.cfnMode
        if case .provisioned(let read, let write) = billing {
            table.provisionedThroughput = TableShapes.throughput(read: read, write: write)
        }
        table.streamSpecification = streamViewType.map { CfnTable.StreamSpecification(streamViewType: .init(Value($0.rawValue))) }
        table.timeToLiveSpecification = timeToLiveAttribute.map { CfnTable.TimeToLiveSpecification(enabled: true, attributeName: Value($0)) }
        table.pointInTimeRecoverySpecification = .init(pointInTimeRecoveryEnabled: Value(booleanLiteral: pointInTimeRecovery))
        table.sseSpecification = encryption.cfnSpecification
        table.deletionProtectionEnabled = deletionProtection ? true : nil
        table.tableClass = tableClass.map { CfnTable.TableClass(Value($0.rawValue)) }
        table.tags = tags.typed()
        return table
    }

    /// Every key attribute once, in order of first appearance: the table's keys, then each
    /// global and each local index's. An attribute keyed with two types is reported, and
    /// defined with the first.
    func attributeDefinitions(in context: SynthesisContext) -> [KeyAttribute] {
        var uses: [(KeyAttribute, TableKeyUse)] = [(partitionKey, .table(keyPosition: 0))]
        if let sortKey {
            uses.append((sortKey, .table(keyPosition: 1)))
        }
        for (position, index) in globalIndexes.enumerated() {
            uses.append((index.partitionKey, .globalIndex(position, name: index.name, keyPosition: 0)))
            if let sortKey = index.sortKey {
                uses.append((sortKey, .globalIndex(position, name: index.name, keyPosition: 1)))
            }
        }
        for (position, index) in localIndexes.enumerated() {
            uses.append((index.sortKey, .localIndex(position, name: index.name)))
        }
        var definitions: [KeyAttribute] = []
        var firstUses: [TableKeyUse] = []
        for (attribute, use) in uses {
            if let defined = definitions.firstIndex(where: { $0.name == attribute.name }) {
                if definitions[defined].type != attribute.type {
                    context.error(self, at: use.path, "attribute '\(Diagnostic.abbreviated(attribute.name))' is \(attribute.type.rawValue) in \(use.role) but \(definitions[defined].type.rawValue) in \(firstUses[defined].role); an attribute has one type")
                }
            } else {
                definitions.append(attribute)
                firstUses.append(use)
            }
        }
        return definitions
    }
}

extension Table where StreamState == NoStream {
    /// A table without a stream. See `Table` for the defaults.
    /// - Parameters:
    ///   - billing: PAY_PER_REQUEST by default: no capacity to plan or to pay for while idle.
    public convenience init(
        _ logicalID: String,
        tableName: Value<String>? = nil,
        partitionKey: KeyAttribute,
        sortKey: KeyAttribute? = nil,
        billing: Billing = .payPerRequest,
        timeToLiveAttribute: String? = nil,
        pointInTimeRecovery: Bool = true,
        encryption: TableEncryption = .awsManagedKey,
        deletionProtection: Bool = false,
        tableClass: TableClass? = nil,
        tags: ResourceTags = [:]
    ) {
        self.init(logicalID: logicalID, tableName: tableName, partitionKey: partitionKey, sortKey: sortKey, billing: billing, streamViewType: nil, timeToLiveAttribute: timeToLiveAttribute, pointInTimeRecovery: pointInTimeRecovery, encryption: encryption, deletionProtection: deletionProtection, tableClass: tableClass, tags: tags)
    }
}

extension Table where StreamState == NoStream {
    // Without these, a trigger on a table without a stream fails to compile with "property
    // 'stream' requires the types 'NoStream' and 'WithStream' be equivalent"; with them, the
    // compiler picks this overload and prints what to do.

    @available(*, unavailable, message: "the table has no stream: give it one with Table(..., stream: .newImage) (or .newAndOldImages, .oldImage, .keysOnly); only a Table<WithStream> has a stream to trigger on, read or grant")
    public var stream: TableStream { fatalError("unavailable") }

    @available(*, unavailable, message: "the table has no stream: give it one with Table(..., stream: .newImage) (or .newAndOldImages, .oldImage, .keysOnly); only a Table<WithStream> has a stream to trigger on, read or grant")
    public var streamArn: Value<String> { fatalError("unavailable") }

    @available(*, unavailable, message: "the table has no stream: give it one with Table(..., stream: .newImage) (or .newAndOldImages, .oldImage, .keysOnly); only a Table<WithStream> has a stream to trigger on, read or grant")
    public func grantStreamRead(_ grantee: Grantee) { fatalError("unavailable") }
}

extension Table where StreamState == WithStream {
    /// A table with a stream of `stream` records. See `Table` for the defaults.
    /// - Parameters:
    ///   - billing: PAY_PER_REQUEST by default: no capacity to plan or to pay for while idle.
    public convenience init(
        _ logicalID: String,
        tableName: Value<String>? = nil,
        partitionKey: KeyAttribute,
        sortKey: KeyAttribute? = nil,
        billing: Billing = .payPerRequest,
        stream: StreamViewType,
        timeToLiveAttribute: String? = nil,
        pointInTimeRecovery: Bool = true,
        encryption: TableEncryption = .awsManagedKey,
        deletionProtection: Bool = false,
        tableClass: TableClass? = nil,
        tags: ResourceTags = [:]
    ) {
        self.init(logicalID: logicalID, tableName: tableName, partitionKey: partitionKey, sortKey: sortKey, billing: billing, streamViewType: stream, timeToLiveAttribute: timeToLiveAttribute, pointInTimeRecovery: pointInTimeRecovery, encryption: encryption, deletionProtection: deletionProtection, tableClass: tableClass, tags: tags)
    }

    /// The table's stream: what `function.trigger(on:)` reads and `grantStreamRead` grants.
    public var stream: TableStream {
        TableStream(table: self, viewType: streamViewType ?? .keysOnly)
    }

    /// The stream's ARN (`!GetAtt <Table>.StreamArn`).
    public var streamArn: Value<String> { getAtt("StreamArn") }
}

extension RenderOrder {
    /// The order a table has always written its properties in (a static stored property
    /// cannot be declared in the generic `Table`).
    fileprivate static let table: RenderOrder = {
        let index = RenderOrder([], nested: ["Projection": RenderOrder(["ProjectionType", "NonKeyAttributes"])])
        return RenderOrder([
            "TableName", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
            "BillingMode", "ProvisionedThroughput", "StreamSpecification", "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification", "SSESpecification", "DeletionProtectionEnabled", "TableClass", "Tags",
        ], nested: ["GlobalSecondaryIndexes": index, "LocalSecondaryIndexes": index])
    }()
}

/// Where a key attribute is used, made into a path and a description only for a message:
/// the definitions are derived on every synthesis.
/// (Outside `Table`: a type nested in the generic class would be generic too, its metadata
/// made at run time.)
private enum TableKeyUse {
    /// 0: the partition key, 1: the sort key.
    case table(keyPosition: Int)
    case globalIndex(Int, name: String, keyPosition: Int)
    /// A local index's sort key (its partition key is the table's).
    case localIndex(Int, name: String)

    var path: PropertyPath {
        switch self {
        case .table(let keyPosition):
            PropertyPath.properties.key("KeySchema").index(keyPosition)
        case .globalIndex(let position, _, let keyPosition):
            PropertyPath.properties.key("GlobalSecondaryIndexes").index(position).key("KeySchema").index(keyPosition)
        case .localIndex(let position, _):
            PropertyPath.properties.key("LocalSecondaryIndexes").index(position).key("KeySchema").index(1)
        }
    }

    var role: String {
        switch self {
        case .table(let keyPosition):
            keyPosition == 0 ? "the table's partition key" : "the table's sort key"
        case .globalIndex(_, let name, let keyPosition):
            "the \(keyPosition == 0 ? "partition" : "sort") key of index '\(Diagnostic.abbreviated(name))'"
        case .localIndex(_, let name):
            "the sort key of index '\(Diagnostic.abbreviated(name))'"
        }
    }
}

/// The L1 shapes a table renders, outside the generic `Table`: as its static members they ran
/// unspecialized, looking up generic metadata at every call.
private enum TableShapes {
    /// The partition key (HASH), then the sort key (RANGE), as `make` builds a key element
    /// (the table's and a global index's key schemas are distinct L1 types).
    static func keySchema<Key>(_ partitionKey: KeyAttribute, _ sortKey: KeyAttribute?, _ make: (Value<String>, Value<String>) -> Key) -> [Key] {
        [make(Value(partitionKey.name), "HASH")] + (sortKey.map { [make(Value($0.name), "RANGE")] } ?? [])
    }

    static func throughput(read: Int, write: Int) -> CfnTable.ProvisionedThroughput {
        CfnTable.ProvisionedThroughput(readCapacityUnits: Value(read), writeCapacityUnits: Value(write))
    }
}

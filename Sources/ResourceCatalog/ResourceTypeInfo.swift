import Synchronization

/// One resource type as the catalog knows it. A class: every look-up of a cached type
/// copied all of its arrays and sets (a retain each) where one reference does.
public final class ResourceTypeInfo: Sendable {
    public let name: String
    /// The Fn::GetAtt attributes.
    public let attributes: [ResourceAttribute]
    /// Property paths (`*` for any list item) whose change replaces the resource.
    public let createOnlyProperties: [[String]]
    /// Property paths whose change may replace the resource, depending on the change.
    public let conditionallyCreateOnlyProperties: [[String]]
    /// Property paths that CloudFormation sets (attributes), never the template.
    public let readOnlyProperties: [[String]]
    /// Property paths that CloudFormation accepts but never returns (passwords, ...).
    public let writeOnlyProperties: [[String]]
    public let primaryIdentifier: [[String]]
    /// The property that gives the resource a fixed physical name (TableName, BucketName).
    public let physicalNameProperty: String?
    /// Holds data that is lost with the resource (cfn-lint's StatefulResources).
    public let isStateful: Bool
    /// CloudFormation cannot delete it while it holds data (an S3 bucket).
    public let deleteRequiresEmpty: Bool
    /// Accepts `DeletionPolicy: Snapshot`.
    public let supportsSnapshot: Bool
    /// Needs CAPABILITY_IAM (CAPABILITY_NAMED_IAM with a custom name).
    public let needsIAMCapability: Bool
    /// The custom name that makes an IAM resource need CAPABILITY_NAMED_IAM.
    public let iamNameProperty: String?
    /// Update behaviour the documentation states and the schema does not.
    public let documentedBehaviors: [DocumentedBehavior]
    /// What a stateful resource holds, for messages ("items", "objects"); "data" if unnamed.
    public let dataNoun: String
    /// Settable top-level properties (the schema's properties less the read-only ones).
    public let settableProperties: Set<String>
    /// The read-only properties that are top-level names (`Arn`, not `Endpoint.Address`).
    public let readOnlyTopLevelProperties: Set<String>

    private let schema: CatalogValue
    /// `readOnlyTopLevelProperties` for the look-up per property that validation makes.
    private let readOnlyTopLevelTable: NameTable
    /// The properties' shape, built on first use (`ResourceCatalog.propertiesShape(of:)`).
    private let builtShape = Mutex<ValueShape?>(nil)

    init(name: String, record: CatalogValue) {
        self.name = name
        schema = record["schema"] ?? .object(CatalogEntries([]))
        attributes = (record["attributes"]?.array ?? []).map { entry in
            ResourceAttribute(name: entry["name"]?.string ?? "", isPattern: entry["pattern"]?.bool ?? false,
                              jsonType: JSONType(schemaName: entry["type"]?.string ?? "any"))
        }
        createOnlyProperties = record["createOnly"]?.paths ?? []
        conditionallyCreateOnlyProperties = record["conditionalCreateOnly"]?.paths ?? []
        readOnlyProperties = record["readOnly"]?.paths ?? []
        writeOnlyProperties = record["writeOnly"]?.paths ?? []
        primaryIdentifier = record["primaryIdentifier"]?.paths ?? []
        physicalNameProperty = record["physicalName"]?.string
        isStateful = record["stateful"]?.bool ?? false
        deleteRequiresEmpty = record["deleteRequiresEmpty"]?.bool ?? false
        supportsSnapshot = record["snapshot"]?.bool ?? false
        needsIAMCapability = record["iamCapability"]?.bool ?? false
        iamNameProperty = record["iamNameProperty"]?.string
        documentedBehaviors = (record["documented"]?.array ?? []).compactMap(DocumentedBehavior.init(record:))
        dataNoun = record["dataNoun"]?.string ?? "data"
        let readOnlyTopLevel = Set(readOnlyProperties.filter { $0.count == 1 }.map { $0[0] })
        readOnlyTopLevelProperties = readOnlyTopLevel
        readOnlyTopLevelTable = NameTable(readOnlyProperties.filter { $0.count == 1 }.map { $0[0] })
        settableProperties = Set(schema["properties"]?.entries.map(\.0) ?? []).subtracting(readOnlyTopLevel)
    }

    /// The attribute Fn::GetAtt names, matching the catalog's patterns (`Outputs.Name` of a
    /// nested stack) too.
    public func attribute(named name: String) -> ResourceAttribute? {
        attributes.first { $0.name == name } ?? attributes.first { $0.isPattern && $0.matches(name) }
    }

    /// The properties' shape, built from the schema on each call: validation keeps it for
    /// the run, and the diff does not need it.
    public func propertiesShape() -> ValueShape {
        ShapeBuilder(schema: schema).root()
    }

    /// The properties' shape, built on first use and kept with the type.
    func keptPropertiesShape() -> ValueShape {
        if let built = builtShape.withLock({ $0 }) { return built }
        let shape = propertiesShape()
        return builtShape.withLock { built in
            if let raced = built { return raced }
            built = shape
            return shape
        }
    }

    /// Whether `name` is a read-only top-level property (`readOnlyTopLevelProperties`).
    public func isReadOnlyTopLevel(_ name: String) -> Bool {
        readOnlyTopLevelTable.position(of: name) != nil
    }

    /// The top-level properties the schema declares, in its order.
    public var propertyNames: [String] { schema["properties"]?.entries.map(\.0) ?? [] }
}

/// A Fn::GetAtt attribute.
public struct ResourceAttribute: Sendable, Hashable {
    public let name: String
    /// `name` is a regular expression (`Outputs\..*`), as cfn-lint writes attributes with
    /// user-chosen parts.
    public let isPattern: Bool
    public let jsonType: JSONType

    func matches(_ candidate: String) -> Bool {
        SchemaPattern.named("\\A(?:" + name + ")\\z").matches(candidate) == true
    }
}

/// Update behaviour from the CloudFormation resource reference ("Update requires: ...").
public struct DocumentedBehavior: Sendable, Hashable {
    public enum Impact: String, Sendable {
        case replacement, noInterruption, someInterruption
    }

    /// The property path this applies to, and to everything under it.
    public let path: [String]
    public let impact: Impact
    public let reason: String

    init?(record: CatalogValue) {
        guard let impact = record["impact"]?.string.flatMap(Impact.init(rawValue:)), let reason = record["reason"]?.string else {
            return nil
        }
        self.path = record["path"]?.strings ?? []
        self.impact = impact
        self.reason = reason
    }
}

/// A SAM pull event source (an `Events` entry of type DynamoDB, SQS, ...), which SAM turns
/// into an AWS::Lambda::EventSourceMapping.
public struct SAMPullEvent: Sendable {
    /// The event property that becomes the mapping's EventSourceArn (`Stream`, `Queue`).
    public let sourceArnProperty: String?
    public let properties: [String]

    init(sourceArnProperty: String?, properties: [String]) {
        self.sourceArnProperty = sourceArnProperty
        self.properties = properties
    }
}

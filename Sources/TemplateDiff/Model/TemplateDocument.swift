import InfraYAML

/// A parsed template in normal form: its resources, and every other top-level section
/// (Parameters, Outputs, Conditions, Mappings, Metadata, Transform, Description, ...).
public struct TemplateDocument: Hashable, Sendable {
    /// Top-level sections other than Resources, in document order.
    public private(set) var sections: TemplateMap
    public private(set) var resources: [String: ParsedResource]
    /// Logical IDs in document order.
    public private(set) var resourceOrder: [String]

    /// Reads a template's root node. A saved `aws cloudformation get-template` response
    /// (`{TemplateBody: {...}}`) is unwrapped when its body is a JSON object.
    public init(_ root: Node) throws(TemplateDiffError) {
        guard case .map(var top) = Normalization.value(root) else {
            throw .invalidTemplate("the template is not a mapping")
        }
        if top["Resources"] == nil, case .map(let body)? = top["TemplateBody"] {
            top = body
        }
        var resources: [String: ParsedResource] = [:]
        var order: [String] = []
        if let section = top["Resources"] {
            guard case .map(let entries) = section else {
                throw .invalidTemplate("Resources is not a mapping")
            }
            for (logicalID, definition) in entries.entries {
                resources[logicalID] = try ParsedResource(logicalID: logicalID, definition: definition)
                order.append(logicalID)
            }
        }
        top["Resources"] = nil
        self.sections = top
        self.resources = resources
        self.resourceOrder = order
    }
}

/// One resource: its type, properties and resource attributes (DeletionPolicy, DependsOn, ...).
public struct ParsedResource: Hashable, Sendable {
    public let type: String
    public let properties: TemplateMap
    /// Everything beside Type and Properties.
    public let attributes: TemplateMap

    init(logicalID: String, definition: TemplateValue) throws(TemplateDiffError) {
        guard case .map(var map) = definition else {
            throw .invalidTemplate("resource \(logicalID) is not a mapping")
        }
        guard let type = map["Type"]?.scalarText else {
            throw .invalidTemplate("resource \(logicalID) has no Type")
        }
        let properties: TemplateMap
        switch map["Properties"] {
        case nil: properties = TemplateMap()
        case .map(let values)?: properties = values
        case .some:
            throw .invalidTemplate("the Properties of resource \(logicalID) are not a mapping")
        }
        map["Type"] = nil
        map["Properties"] = nil
        self.type = type
        self.properties = properties
        self.attributes = map
    }

    public var deletionPolicy: String? { attributes["DeletionPolicy"]?.scalarText }
    public var updateReplacePolicy: String? { attributes["UpdateReplacePolicy"]?.scalarText }
}

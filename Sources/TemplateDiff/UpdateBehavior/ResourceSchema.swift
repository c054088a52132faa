import ResourceCatalog

/// What the diff needs to know of a resource type, from the resource catalog
/// (scripts/generate-catalog): one source for every type, none listed here.
struct ResourceSchema: Sendable {
    /// Settable top-level properties.
    let properties: Set<String>
    /// Property paths whose change replaces the resource. `*` stands for any list item.
    let createOnly: [[String]]
    /// Property paths whose change may replace the resource, depending on the change.
    let conditionalCreateOnly: [[String]]
    /// Holds data that is lost with the resource.
    let isStateful: Bool
    /// Accepts `DeletionPolicy: Snapshot`.
    let supportsSnapshot: Bool
    /// The property that gives the resource a fixed name.
    let physicalNameProperty: String?
    /// What a stateful resource holds, for messages.
    let dataNoun: String
    /// Update behaviour the documentation states and the schema does not.
    let documented: [DocumentedBehavior]

    /// nil for a type the catalog does not have: the diff cannot judge its changes.
    static func named(_ type: String) -> ResourceSchema? {
        if type == SAMFunctionCatalog.typeName {
            // No provider schema: SAM's property names; the fixed name is the generated function's.
            let function = ResourceCatalog.type(named: "AWS::Lambda::Function")
            return ResourceSchema(properties: SAMFunctionCatalog.properties, createOnly: [], conditionalCreateOnly: [],
                                  isStateful: false, supportsSnapshot: false,
                                  physicalNameProperty: function?.physicalNameProperty, dataNoun: "data", documented: [])
        }
        guard let info = ResourceCatalog.type(named: type) else { return nil }
        return ResourceSchema(properties: info.settableProperties, createOnly: info.createOnlyProperties,
                              conditionalCreateOnly: info.conditionallyCreateOnlyProperties, isStateful: info.isStateful,
                              supportsSnapshot: info.supportsSnapshot, physicalNameProperty: info.physicalNameProperty,
                              dataNoun: info.dataNoun, documented: info.documentedBehaviors)
    }

    /// The documented behaviour for a property path, if any applies to it or to a parent.
    func documentedBehavior(at path: [String]) -> DocumentedBehavior? {
        documented.first { path.starts(with: $0.path) }
    }
}

extension SAMPullEvent {
    static func named(_ type: String) -> SAMPullEvent? {
        SAMFunctionCatalog.pullEvents[type]
    }
}

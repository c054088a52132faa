/// One entry of the Resources section, untyped: what every typed resource becomes.
public struct TemplateResource: Hashable, Sendable {
    public var logicalID: String
    public var type: String
    public var properties: Fields
    public var dependsOn: [String]
    public var condition: String?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var metadata: Fields

    public init(
        logicalID: String,
        type: String,
        properties: Fields = Fields(),
        dependsOn: [String] = [],
        condition: String? = nil,
        deletionPolicy: DeletionPolicy? = nil,
        updateReplacePolicy: DeletionPolicy? = nil,
        metadata: Fields = Fields()
    ) {
        self.logicalID = logicalID
        self.type = type
        self.properties = properties
        self.dependsOn = dependsOn
        self.condition = condition
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
        self.metadata = metadata
    }
}

/// What CloudFormation does with a resource's physical resource when the resource leaves
/// the template (DeletionPolicy) or is replaced (UpdateReplacePolicy).
public enum DeletionPolicy: String, Hashable, Sendable, CaseIterable {
    case delete = "Delete"
    case retain = "Retain"
    case retainExceptOnCreate = "RetainExceptOnCreate"
    case snapshot = "Snapshot"
}

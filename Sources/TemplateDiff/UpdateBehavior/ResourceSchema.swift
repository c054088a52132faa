/// What a CloudFormation resource provider schema says about updates of one type.
/// The values live in Generated/UpdateBehaviors.swift (scripts/generate-update-behavior).
struct ResourceSchema: Sendable {
    /// Settable top-level properties.
    let properties: Set<String>
    /// Top-level read-only properties: the Fn::GetAtt attributes.
    let readOnlyProperties: Set<String>
    /// Property paths whose change replaces the resource. `*` stands for any list item.
    let createOnly: [[String]]
    /// Property paths whose change may replace the resource, depending on the change.
    let conditionalCreateOnly: [[String]]
    /// Holds data that is lost with the resource (cfn-lint's StatefulResources).
    let isStateful: Bool
    /// Accepts `DeletionPolicy: Snapshot`.
    let supportsSnapshot: Bool

    init(
        properties: [String], readOnlyProperties: [String], createOnly: [[String]],
        conditionalCreateOnly: [[String]], isStateful: Bool, supportsSnapshot: Bool
    ) {
        self.properties = Set(properties)
        self.readOnlyProperties = Set(readOnlyProperties)
        self.createOnly = createOnly
        self.conditionalCreateOnly = conditionalCreateOnly
        self.isStateful = isStateful
        self.supportsSnapshot = supportsSnapshot
    }

    static func named(_ type: String) -> ResourceSchema? {
        GeneratedUpdateBehaviors.schemas[type]
    }
}

/// A SAM pull event source (an `Events` entry of type DynamoDB, SQS, ...), which SAM
/// turns into an AWS::Lambda::EventSourceMapping.
struct SAMPullEvent: Sendable {
    /// The event property that becomes the mapping's EventSourceArn (`Stream`, `Queue`).
    let sourceArnProperty: String?
    let properties: [String]

    static func named(_ type: String) -> SAMPullEvent? {
        GeneratedUpdateBehaviors.samPullEvents[type]
    }
}

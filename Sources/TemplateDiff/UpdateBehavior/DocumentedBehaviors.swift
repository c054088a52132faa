/// Update behaviour that the provider schemas do not state but the CloudFormation
/// resource reference documents ("Update requires: ..."). Hand-written: keep it small,
/// and add an entry only with the documentation in front of you. Where neither the
/// schema nor this table knows, the impact is `.unknown`, not a guess.
///
/// No updatable property of the supported types is documented as "Some interruptions",
/// so `.someInterruption` has no entry yet.
struct DocumentedBehavior: Sendable {
    let type: String
    /// The property path this applies to, and to everything under it.
    let path: [String]
    let impact: UpdateImpact
    let reason: String

    static let all: [DocumentedBehavior] = [
        // AWS::DynamoDB::Table, KeySchema: "Update requires: Replacement". The schema lists
        // it only under conditionalCreateOnlyProperties.
        .init(type: "AWS::DynamoDB::Table", path: ["KeySchema"], impact: .replacement,
              reason: "the table's key schema can only be set at creation"),
        // LocalSecondaryIndexes: "Update requires: Replacement" (LSIs exist only from creation).
        .init(type: "AWS::DynamoDB::Table", path: ["LocalSecondaryIndexes"], impact: .replacement,
              reason: "local secondary indexes can only be set at creation"),
        // GlobalSecondaryIndexes: "No interruption": indexes are created and deleted on the
        // live table. Which index changes fail is checked by GlobalSecondaryIndexRule.
        .init(type: "AWS::DynamoDB::Table", path: ["GlobalSecondaryIndexes"], impact: .noInterruption,
              reason: "indexes are created or deleted on the live table"),
        // StreamSpecification: "No interruption", but the table gets a new stream (new
        // StreamArn) or none; StreamRule reports what reads the old one.
        .init(type: "AWS::DynamoDB::Table", path: ["StreamSpecification"], impact: .noInterruption,
              reason: "the stream is replaced or disabled: a new StreamArn"),
        // AWS::Lambda::Function, VpcConfig: "No interruption": invocations continue while
        // Lambda attaches the new network interfaces.
        .init(type: "AWS::Lambda::Function", path: ["VpcConfig"], impact: .noInterruption,
              reason: "invocations continue while the new network interfaces are attached"),
        // Code: "No interruption"; calls that follow the update run the new code.
        .init(type: "AWS::Lambda::Function", path: ["Code"], impact: .noInterruption, reason: "new invocations run the new code"),
    ]

    static func matching(type: String, path: [String]) -> DocumentedBehavior? {
        all.first { $0.type == type && path.starts(with: $0.path) }
    }
}

import CloudFormation

/// Any DynamoDB table, whatever its stream state: what endpoint policies and grants need.
public protocol TableResource: Resource {
    /// The table's ARN.
    var arn: Value<String> { get }
    /// Whether the table has global or local secondary indexes, whose ARNs
    /// (`<table arn>/index/*`) then join the table's in index-capable grants.
    var hasSecondaryIndexes: Bool { get }
}

extension TableResource {
    /// The ARNs a statement of these actions should name: the table, plus `<arn>/index/*`
    /// when the table has indexes and one of the actions can read through an index.
    func resourceARNs(for actions: [DynamoDBAction]) -> [Value<String>] {
        if hasSecondaryIndexes, actions.contains(where: \.appliesToIndexes) {
            return [arn, "\(arn)/index/*"]
        }
        return [arn]
    }
}

/// DynamoDB actions (`dynamodb:*` in IAM's terms, though no wildcard can be written here).
public enum DynamoDBAction: String, IAMAction, CaseIterable, Hashable {
    case batchGetItem = "dynamodb:BatchGetItem"
    case batchWriteItem = "dynamodb:BatchWriteItem"
    case conditionCheckItem = "dynamodb:ConditionCheckItem"
    case deleteItem = "dynamodb:DeleteItem"
    case describeStream = "dynamodb:DescribeStream"
    case describeTable = "dynamodb:DescribeTable"
    case describeTimeToLive = "dynamodb:DescribeTimeToLive"
    case getItem = "dynamodb:GetItem"
    case getRecords = "dynamodb:GetRecords"
    case getShardIterator = "dynamodb:GetShardIterator"
    case listStreams = "dynamodb:ListStreams"
    case listTables = "dynamodb:ListTables"
    case partiQLSelect = "dynamodb:PartiQLSelect"
    case putItem = "dynamodb:PutItem"
    case query = "dynamodb:Query"
    case scan = "dynamodb:Scan"
    case updateItem = "dynamodb:UpdateItem"

    /// What `grantReadData` allows: CDK's read actions without the stream ones (GetRecords,
    /// GetShardIterator act on a stream ARN, never on the table), plus DescribeTable.
    public static let readData: [DynamoDBAction] = [.batchGetItem, .conditionCheckItem, .describeTable, .getItem, .query, .scan]

    /// What `grantWriteData` allows, as CDK: the item writes plus DescribeTable.
    public static let writeData: [DynamoDBAction] = [.batchWriteItem, .deleteItem, .describeTable, .putItem, .updateItem]

    /// What reading a table's stream needs on the stream ARN (ListStreams comes separately: it has no resource).
    public static let streamRead: [DynamoDBAction] = [.describeStream, .getRecords, .getShardIterator]

    /// Whether IAM accepts an index ARN (`<table>/index/<name>`) as this action's resource.
    /// Only reads that can target an index do; item writes act on the table alone.
    public var appliesToIndexes: Bool {
        switch self {
        case .query, .scan, .partiQLSelect: true
        default: false
        }
    }
}

/// The actions that can be granted on one index: those that read through an index.
public enum DynamoDBIndexAction: String, Sendable, CaseIterable, Hashable {
    case query
    case scan

    public var action: DynamoDBAction {
        switch self {
        case .query: .query
        case .scan: .scan
        }
    }
}

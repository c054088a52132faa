import CloudFormation

/// The metrics DynamoDB publishes per table (namespace `AWS/DynamoDB`, dimension `TableName`;
/// those per request also `Operation`).
public enum TableMetric: Sendable, Hashable {
    /// Requests refused for exceeding the table's (or an index's) throughput. Count.
    case throttledRequests(DynamoDBOperation)
    /// Read capacity units used. Count.
    case consumedReadCapacityUnits
    /// Write capacity units used. Count.
    case consumedWriteCapacityUnits
    /// Requests that failed with an HTTP 500 from DynamoDB. Count.
    case systemErrors(DynamoDBOperation)

    var name: String {
        switch self {
        case .throttledRequests: "ThrottledRequests"
        case .consumedReadCapacityUnits: "ConsumedReadCapacityUnits"
        case .consumedWriteCapacityUnits: "ConsumedWriteCapacityUnits"
        case .systemErrors: "SystemErrors"
        }
    }

    var operation: DynamoDBOperation? {
        switch self {
        case .throttledRequests(let operation), .systemErrors(let operation): operation
        case .consumedReadCapacityUnits, .consumedWriteCapacityUnits: nil
        }
    }
}

/// The request a per-operation DynamoDB metric is about (its `Operation` dimension).
public enum DynamoDBOperation: String, Sendable {
    case getItem = "GetItem"
    case putItem = "PutItem"
    case updateItem = "UpdateItem"
    case deleteItem = "DeleteItem"
    case query = "Query"
    case scan = "Scan"
    case batchGetItem = "BatchGetItem"
    case batchWriteItem = "BatchWriteItem"
    case transactGetItems = "TransactGetItems"
    case transactWriteItems = "TransactWriteItems"
    case getRecords = "GetRecords"
}

extension Table {
    /// One of the table's metrics, summed over the period: `table.metric(.throttledRequests(.putItem))`.
    public func metric(_ metric: TableMetric, statistic: MetricStatistic = .sum, period: Int = 300) -> Metric {
        var dimensions = [MetricDimension("TableName", name)]
        if let operation = metric.operation {
            dimensions.append(MetricDimension("Operation", Value(operation.rawValue)))
        }
        return Metric(namespace: .dynamoDB, name: metric.name, dimensions: dimensions, statistic: statistic, period: period)
    }
}

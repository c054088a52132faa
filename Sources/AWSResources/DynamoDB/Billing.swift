import AWSDynamoDB

/// How a table pays for throughput.
public enum Billing: Hashable, Sendable {
    /// On demand: no capacity to plan, and global secondary indexes take no throughput.
    case payPerRequest
    /// Fixed read and write capacity units (each at least 1); every global secondary index
    /// then needs its own throughput.
    case provisioned(read: Int, write: Int)

    var cfnMode: CfnTable.BillingMode {
        switch self {
        case .payPerRequest: .payPerRequest
        case .provisioned: .provisioned
        }
    }
}

/// Read and write capacity units of a global secondary index on a PROVISIONED table.
public struct Throughput: Hashable, Sendable {
    public let read: Int
    public let write: Int

    public init(read: Int, write: Int) {
        self.read = read
        self.write = write
    }
}

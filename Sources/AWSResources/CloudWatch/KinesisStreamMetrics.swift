import AWSKinesis
import CloudFormation

/// The stream-level metrics Kinesis publishes every minute (namespace `AWS/Kinesis`,
/// dimension `StreamName`).
public enum KinesisStreamMetric: String, Sendable {
    /// How far behind the stream's consumers read (the oldest record a GetRecords call
    /// returned). Milliseconds.
    case getRecordsIteratorAgeMilliseconds = "GetRecords.IteratorAgeMilliseconds"
    /// Records put into the stream. Count.
    case incomingRecords = "IncomingRecords"
    /// Put calls refused for exceeding the shards' write throughput. Count.
    case writeProvisionedThroughputExceeded = "WriteProvisionedThroughputExceeded"
    /// GetRecords calls refused for exceeding the shards' read throughput. Count.
    case readProvisionedThroughputExceeded = "ReadProvisionedThroughputExceeded"

    var defaultStatistic: MetricStatistic {
        self == .getRecordsIteratorAgeMilliseconds ? .maximum : .sum
    }
}

extension CfnStream {
    /// One of the stream's metrics: `stream.metric(.getRecordsIteratorAgeMilliseconds)`.
    public func metric(_ metric: KinesisStreamMetric, statistic: MetricStatistic? = nil, period: Int = 300) -> Metric {
        Metric(namespace: .kinesis, name: metric.rawValue, dimensions: [MetricDimension("StreamName", ref)],
               statistic: statistic ?? metric.defaultStatistic, period: period)
    }
}

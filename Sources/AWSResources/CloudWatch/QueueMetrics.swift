import CloudFormation

/// The metrics SQS publishes per queue (namespace `AWS/SQS`, dimension `QueueName`), once a
/// minute while the queue is active (it holds messages, or was used in the last six hours).
public enum QueueMetric: String, Sendable {
    /// Messages waiting to be received. Count.
    case approximateNumberOfMessagesVisible = "ApproximateNumberOfMessagesVisible"
    /// How long the oldest message has waited. Seconds.
    case approximateAgeOfOldestMessage = "ApproximateAgeOfOldestMessage"
    /// Messages added to the queue. Count.
    case numberOfMessagesSent = "NumberOfMessagesSent"

    var defaultStatistic: MetricStatistic {
        switch self {
        case .approximateNumberOfMessagesVisible, .approximateAgeOfOldestMessage: .maximum
        case .numberOfMessagesSent: .sum
        }
    }
}

extension Queue {
    /// One of the queue's metrics: `queue.metric(.approximateNumberOfMessagesVisible)`.
    public func metric(_ metric: QueueMetric, statistic: MetricStatistic? = nil, period: Int = 300) -> Metric {
        Metric(namespace: .sqs, name: metric.rawValue, dimensions: [MetricDimension("QueueName", name)],
               statistic: statistic ?? metric.defaultStatistic, period: period)
    }
}

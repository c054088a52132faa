import CloudFormation

/// The metrics SNS publishes per topic (namespace `AWS/SNS`, dimension `TopicName`), every
/// minute while the topic is used.
public enum TopicMetric: String, Sendable {
    /// Messages published to the topic. Count.
    case numberOfMessagesPublished = "NumberOfMessagesPublished"
    /// Deliveries to subscribers that failed after SNS's retries. Count.
    case numberOfNotificationsFailed = "NumberOfNotificationsFailed"
    /// Deliveries to subscribers that succeeded. Count.
    case numberOfNotificationsDelivered = "NumberOfNotificationsDelivered"
}

extension Topic {
    /// One of the topic's metrics, summed per period: `topic.metric(.numberOfNotificationsFailed)`.
    public func metric(_ metric: TopicMetric, statistic: MetricStatistic = .sum, period: Int = 300) -> Metric {
        Metric(namespace: .sns, name: metric.rawValue, dimensions: [MetricDimension("TopicName", name)],
               statistic: statistic, period: period)
    }
}

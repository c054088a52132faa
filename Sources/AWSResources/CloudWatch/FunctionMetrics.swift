import CloudFormation

/// The metrics Lambda publishes per function (namespace `AWS/Lambda`, dimension `FunctionName`).
public enum FunctionMetric: String, Sendable {
    /// Invocations that ended in an error (an exception, a timeout, running out of memory). Count.
    case errors = "Errors"
    /// Invocation requests refused for lack of concurrency. Count.
    case throttles = "Throttles"
    /// Time spent running the handler. Milliseconds.
    case duration = "Duration"
    /// For stream sources: how old the last record of a batch was when it was processed. Milliseconds.
    case iteratorAge = "IteratorAge"
    /// Times the handler ran, successfully or not. Count.
    case invocations = "Invocations"
    /// Instances running at once. Count.
    case concurrentExecutions = "ConcurrentExecutions"

    /// CDK's defaults: counts add up, a duration is averaged, an age or a level is its peak.
    var defaultStatistic: MetricStatistic {
        switch self {
        case .errors, .throttles, .invocations: .sum
        case .duration: .average
        case .iteratorAge, .concurrentExecutions: .maximum
        }
    }
}

extension Function {
    /// One of the function's metrics: `function.metric(.errors, period: 60)`.
    /// The statistic defaults to the one that suits the metric (see `FunctionMetric`).
    public func metric(_ metric: FunctionMetric, statistic: MetricStatistic? = nil, period: Int = 300) -> Metric {
        Metric(namespace: .lambda, name: metric.rawValue, dimensions: [MetricDimension("FunctionName", name)],
               statistic: statistic ?? metric.defaultStatistic, period: period)
    }
}

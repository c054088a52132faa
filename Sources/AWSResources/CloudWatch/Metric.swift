import CloudFormation

/// A CloudWatch metric as an alarm watches it: where it lives (namespace, name, dimensions)
/// and how its datapoints are summarised (a statistic over a period).
///
/// The resources that publish metrics hand them out typed (`function.metric(.errors)`,
/// `queue.metric(.approximateNumberOfMessagesVisible)`, `table.metric(.throttledRequests(.putItem))`),
/// so no namespace, metric name or dimension is a string in an app. A custom metric of the
/// app's own is `Metric(namespace: MetricNamespace("Cruddur"), name: "MessagesSent")`.
public struct Metric {
    public let namespace: MetricNamespace
    public let name: String
    public let dimensions: [MetricDimension]
    public var statistic: MetricStatistic
    /// Seconds: 10, 20 or 30 (high-resolution metrics only) or a multiple of 60.
    public var period: Int
    /// Only datapoints published in this unit; nil (the usual choice, as CloudWatch advises)
    /// takes the metric in whatever unit it is published.
    public var unit: CfnAlarmUnit?

    public init(namespace: MetricNamespace, name: String, dimensions: [MetricDimension] = [], statistic: MetricStatistic, period: Int = 300, unit: CfnAlarmUnit? = nil) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
        self.unit = unit
    }

    /// The same metric summarised differently: `function.metric(.duration).with(statistic: .percentile(99))`.
    public func with(statistic: MetricStatistic? = nil, period: Int? = nil) -> Metric {
        var copy = self
        copy.statistic = statistic ?? self.statistic
        copy.period = period ?? self.period
        return copy
    }
}

/// One dimension of a metric: `FunctionName` = the function's name.
public struct MetricDimension {
    public let name: String
    public let value: Value<String>

    public init(_ name: String, _ value: Value<String>) {
        self.name = name
        self.value = value
    }
}

/// A metric namespace. The AWS services' namespaces are the static members; any other
/// value is a custom namespace of the app's own (CloudWatch reserves the `AWS/` prefix).
public struct MetricNamespace: Hashable, Sendable {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let lambda = MetricNamespace("AWS/Lambda")
    public static let sqs = MetricNamespace("AWS/SQS")
    public static let dynamoDB = MetricNamespace("AWS/DynamoDB")
    public static let sns = MetricNamespace("AWS/SNS")
    public static let s3 = MetricNamespace("AWS/S3")
    public static let kinesis = MetricNamespace("AWS/Kinesis")

    /// AWS services publish at one-minute resolution: a sub-minute period finds no data.
    var isAWSService: Bool { name.hasPrefix("AWS/") }
}

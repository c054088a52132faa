import AWSCloudWatch

/// How an alarm compares a metric's statistic with its static threshold. (The band
/// operators belong to anomaly-detection alarms, which this alarm does not make.)
public enum AlarmComparison: Hashable, Sendable {
    case greaterThanThreshold
    case greaterThanOrEqualToThreshold
    case lessThanThreshold
    case lessThanOrEqualToThreshold

    var rendered: CfnAlarm.ComparisonOperator {
        switch self {
        case .greaterThanThreshold: .greaterThanThreshold
        case .greaterThanOrEqualToThreshold: .greaterThanOrEqualToThreshold
        case .lessThanThreshold: .lessThanThreshold
        case .lessThanOrEqualToThreshold: .lessThanOrEqualToThreshold
        }
    }
}

/// What an alarm makes of a period without datapoints.
public enum MissingData: Hashable, Sendable {
    /// Keeps the current state until enough periods are missing, then INSUFFICIENT_DATA (CloudWatch's default).
    case missing
    /// A missing period counts as within the threshold: right for metrics only published
    /// when something happens (Errors, IteratorAge).
    case notBreaching
    /// A missing period counts as breaching: right when silence itself is the problem.
    case breaching
    /// Missing periods are skipped; the state changes only on real datapoints.
    case ignore

    var rendered: CfnAlarm.TreatMissingData {
        switch self {
        case .missing: .missing
        case .notBreaching: .notBreaching
        case .breaching: .breaching
        case .ignore: .ignore
        }
    }
}

import AWSCloudWatch

/// The units CloudWatch knows, from the generated `AWS::CloudWatch::Alarm` type.
public typealias CfnAlarmUnit = CfnAlarm.Unit

/// How an alarm summarises a metric's datapoints in each period.
public enum MetricStatistic: Hashable, Sendable {
    case sum
    case average
    case minimum
    case maximum
    case sampleCount
    /// `p99`, `p99.9`: the value below which that percentage of datapoints fall (0 to 100).
    case percentile(Double)

    /// The standard statistic, or nil for a percentile (an extended statistic).
    var standard: CfnAlarm.Statistic? {
        switch self {
        case .sum: .sum
        case .average: .average
        case .minimum: .minimum
        case .maximum: .maximum
        case .sampleCount: .sampleCount
        case .percentile: nil
        }
    }

    /// `p99`, `p99.9`: CloudWatch's spelling of a percentile, at most two decimals.
    var extended: String? {
        guard case .percentile(let value) = self else { return nil }
        return "p" + Self.decimal(value)
    }

    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = abs(Int(hundredths) % 100)
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

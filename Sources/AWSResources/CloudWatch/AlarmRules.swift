import AWSCloudWatch
import CloudFormation

/// What CloudWatch's PutMetricAlarm refuses (or silently mishandles) that the resource
/// schema does not state. Lengths, item counts and enums are the catalog's, checked on
/// every resource; these read what deploys, decoded into `CfnAlarm` after overrides.
enum AlarmRules {
    /// Sub-minute periods, for high-resolution metrics only.
    /// An array: a Set<Int> made on first use cost more (its generic metadata, 0.35 M
    /// instructions in a Cruddur synth) than searching three numbers ever will.
    static let highResolutionPeriods: [Int] = [10, 20, 30]
    /// Period × evaluation periods for a period under an hour: one day.
    static let shortPeriodWindow = 86_400
    /// Period × evaluation periods otherwise: seven days.
    static let longPeriodWindow = 604_800
    /// PutMetricAlarm's limit per state (the resource schema has none).
    static let maximumActions = 5

    static func validate(_ deployed: CfnAlarm, of alarm: Alarm, in context: SynthesisContext) {
        let root = PropertyPath.properties
        let evaluationPeriods = deployed.evaluationPeriods?.literal
        if let period = deployed.period?.literal {
            let periodIsValid = highResolutionPeriods.contains(period) || (period > 0 && period % 60 == 0)
            if !periodIsValid {
                context.error(alarm, at: root / "Period", "period \(period) s is not one CloudWatch takes: 10, 20, 30 or a multiple of 60")
            } else if highResolutionPeriods.contains(period), let namespace = deployed.namespace?.literal, namespace.hasPrefix("AWS/") {
                let metric = deployed.metricName?.literal ?? "the metric"
                context.warning(alarm, at: root / "Period", "\(namespace) publishes \(metric) once a minute, so a \(period)-second period mostly finds no data (the alarm lapses into INSUFFICIENT_DATA, at the high-resolution price); use 60 or more")
            }
            if periodIsValid, let evaluationPeriods, evaluationPeriods >= 1 {
                let window = period * evaluationPeriods
                let limit = period < 3_600 ? shortPeriodWindow : longPeriodWindow
                if window > limit {
                    let rule = period < 3_600 ? "one day (86,400 s) for a period under an hour" : "seven days (604,800 s)"
                    context.error(alarm, at: root / "EvaluationPeriods", "\(evaluationPeriods) periods of \(period) s evaluate \(window) s; CloudWatch allows \(rule)")
                }
            }
        }
        if let evaluationPeriods, evaluationPeriods < 1 {
            context.error(alarm, at: root / "EvaluationPeriods", "evaluation periods \(evaluationPeriods) must be at least 1")
        }
        if let datapoints = deployed.datapointsToAlarm?.literal, let evaluationPeriods, !(1...max(evaluationPeriods, 1)).contains(datapoints) {
            context.error(alarm, at: root / "DatapointsToAlarm", "datapoints to alarm \(datapoints) must be 1 to the evaluation periods (\(evaluationPeriods))")
        }
        if let extended = deployed.extendedStatistic?.literal, extended.hasPrefix("p"), let value = Double(extended.dropFirst()),
           !(0...100).contains(value) || value.isNaN {
            context.error(alarm, at: root / "ExtendedStatistic", "percentile \(MetricStatistic.decimal(value)) must be 0 to 100")
        }
        if let threshold = deployed.threshold?.literal, !threshold.isFinite {
            context.error(alarm, at: root / "Threshold", "threshold \(threshold) is not a number CloudFormation can take")
        }
        if deployed.metricName?.literal == "" {
            context.error(alarm, at: root / "MetricName", "the metric has no name")
        }
        let actions: [(String, Value<[String]>?)] = [("AlarmActions", deployed.alarmActions), ("OKActions", deployed.okActions), ("InsufficientDataActions", deployed.insufficientDataActions)]
        for (key, list) in actions {
            if let count = list?.items?.count, count > maximumActions {
                context.error(alarm, at: root / key, "\(count) actions; CloudWatch takes at most \(maximumActions) per state (notify one topic and subscribe the rest to it)")
            }
        }
        let names = (deployed.dimensions ?? []).compactMap(\.name.literal)
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            context.error(alarm, at: root / "Dimensions", "dimension '\(Diagnostic.abbreviated(repeated))' is given twice; a metric has one value per dimension")
        }
    }
}

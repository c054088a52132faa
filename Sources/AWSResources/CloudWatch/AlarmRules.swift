import CloudFormation

/// What CloudWatch's PutMetricAlarm refuses (or silently mishandles) that the resource
/// schema does not state. Lengths, item counts and enums are the catalog's, checked on
/// every resource; these read the typed model.
enum AlarmRules {
    /// Sub-minute periods, for high-resolution metrics only.
    static let highResolutionPeriods: Set<Int> = [10, 20, 30]
    /// Period × evaluation periods for a period under an hour: one day.
    static let shortPeriodWindow = 86_400
    /// Period × evaluation periods otherwise: seven days.
    static let longPeriodWindow = 604_800
    /// PutMetricAlarm's limit per state (the resource schema has none).
    static let maximumActions = 5

    static func validate(_ alarm: Alarm, threshold: Double, in context: SynthesisContext) {
        let root = PropertyPath.properties
        let metric = alarm.metric
        let period = metric.period
        let periodIsValid = highResolutionPeriods.contains(period) || (period > 0 && period % 60 == 0)
        if !periodIsValid {
            context.error(alarm, at: root / "Period", "period \(period) s is not one CloudWatch takes: 10, 20, 30 or a multiple of 60")
        } else if highResolutionPeriods.contains(period), metric.namespace.isAWSService {
            context.warning(alarm, at: root / "Period", "\(metric.namespace.name) publishes \(metric.name) once a minute, so a \(period)-second period mostly finds no data (the alarm lapses into INSUFFICIENT_DATA, at the high-resolution price); use 60 or more")
        }
        if alarm.evaluationPeriods < 1 {
            context.error(alarm, at: root / "EvaluationPeriods", "evaluation periods \(alarm.evaluationPeriods) must be at least 1")
        } else if periodIsValid {
            let window = period * alarm.evaluationPeriods
            let limit = period < 3_600 ? shortPeriodWindow : longPeriodWindow
            if window > limit {
                let rule = period < 3_600 ? "one day (86,400 s) for a period under an hour" : "seven days (604,800 s)"
                context.error(alarm, at: root / "EvaluationPeriods", "\(alarm.evaluationPeriods) periods of \(period) s evaluate \(window) s; CloudWatch allows \(rule)")
            }
        }
        if let datapoints = alarm.datapointsToAlarm, !(1...max(alarm.evaluationPeriods, 1)).contains(datapoints) {
            context.error(alarm, at: root / "DatapointsToAlarm", "datapoints to alarm \(datapoints) must be 1 to the evaluation periods (\(alarm.evaluationPeriods))")
        }
        if case .percentile(let value) = metric.statistic, !(0...100).contains(value) || value.isNaN {
            context.error(alarm, at: root / "ExtendedStatistic", "percentile \(MetricStatistic.decimal(value)) must be 0 to 100")
        }
        if !threshold.isFinite {
            context.error(alarm, at: root / "Threshold", "threshold \(threshold) is not a number CloudFormation can take")
        }
        if metric.name.isEmpty {
            context.error(alarm, at: root / "MetricName", "the metric has no name")
        }
        for (key, actions) in [("AlarmActions", alarm.actions), ("OKActions", alarm.okActions), ("InsufficientDataActions", alarm.insufficientDataActions)]
        where actions.count > maximumActions {
            context.error(alarm, at: root / key, "\(actions.count) actions; CloudWatch takes at most \(maximumActions) per state (notify one topic and subscribe the rest to it)")
        }
        let names = metric.dimensions.map(\.name)
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            context.error(alarm, at: root / "Dimensions", "dimension '\(Diagnostic.abbreviated(repeated))' is given twice; a metric has one value per dimension")
        }
    }
}

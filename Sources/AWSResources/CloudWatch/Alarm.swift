import AWSCloudWatch
import CloudFormation

/// A CloudWatch alarm on one metric against a static threshold (`AWS::CloudWatch::Alarm`),
/// rendered through the generated `CfnAlarm`.
///
/// ```swift
/// stack.add(Alarm("WorkerErrors", metric: worker.metric(.errors, period: 60),
///     threshold: 0, comparison: .greaterThanThreshold, evaluationPeriods: 5, datapointsToAlarm: 1,
///     missingData: .notBreaching, actions: [opsTopic]))
/// ```
///
/// No name by default: CloudFormation names it `<stack>-<LogicalID>-<suffix>`, so a change
/// that replaces it cannot collide with the old one.
public final class Alarm: Resource, HasAttributes {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
    }

    public var metric: Metric
    public var comparison: AlarmComparison
    /// The N of "M out of N": how many recent periods are evaluated.
    public var evaluationPeriods: Int
    /// The M of "M out of N": how many of them must breach; nil means all N.
    public var datapointsToAlarm: Int?
    /// nil keeps CloudWatch's default (`.missing`).
    public var missingData: MissingData?
    public var alarmName: Value<String>?
    public var alarmDescription: String?
    /// Notified when the alarm enters ALARM, OK and INSUFFICIENT_DATA. At most 5 each.
    public var actions: [any AlarmAction]
    public var okActions: [any AlarmAction]
    public var insufficientDataActions: [any AlarmAction]

    /// In the metric's unit (milliseconds for a function's Duration and IteratorAge).
    public var threshold: Double {
        get { thresholdSource.value }
        set { thresholdSource = .fixed(newValue) }
    }

    private var thresholdSource: ThresholdSource

    /// A threshold fixed when the alarm is made, or worked out from other settings when it
    /// renders (a stream alarm's follows its trigger's maximum record age).
    private enum ThresholdSource {
        case fixed(Double)
        case derived(() -> Double)

        var value: Double {
            switch self {
            case .fixed(let value): value
            case .derived(let derive): derive()
            }
        }
    }

    public convenience init(
        _ logicalID: String,
        metric: Metric,
        threshold: Double,
        comparison: AlarmComparison,
        evaluationPeriods: Int,
        datapointsToAlarm: Int? = nil,
        missingData: MissingData? = nil,
        alarmName: Value<String>? = nil,
        description: String? = nil,
        actions: [any AlarmAction] = [],
        okActions: [any AlarmAction] = [],
        insufficientDataActions: [any AlarmAction] = []
    ) {
        self.init(logicalID, metric: metric, thresholdSource: .fixed(threshold), comparison: comparison,
                  evaluationPeriods: evaluationPeriods, datapointsToAlarm: datapointsToAlarm, missingData: missingData,
                  alarmName: alarmName, description: description, actions: actions, okActions: okActions,
                  insufficientDataActions: insufficientDataActions)
    }

    /// An alarm whose threshold is worked out when it renders, from settings that may still change.
    convenience init(
        _ logicalID: String,
        metric: Metric,
        derivedThreshold: @escaping () -> Double,
        comparison: AlarmComparison,
        evaluationPeriods: Int,
        datapointsToAlarm: Int?,
        missingData: MissingData?,
        description: String,
        actions: [any AlarmAction],
        okActions: [any AlarmAction]
    ) {
        self.init(logicalID, metric: metric, thresholdSource: .derived(derivedThreshold), comparison: comparison,
                  evaluationPeriods: evaluationPeriods, datapointsToAlarm: datapointsToAlarm, missingData: missingData,
                  alarmName: nil, description: description, actions: actions, okActions: okActions, insufficientDataActions: [])
    }

    private init(
        _ logicalID: String, metric: Metric, thresholdSource: ThresholdSource, comparison: AlarmComparison,
        evaluationPeriods: Int, datapointsToAlarm: Int?, missingData: MissingData?, alarmName: Value<String>?,
        description: String?, actions: [any AlarmAction], okActions: [any AlarmAction], insufficientDataActions: [any AlarmAction]
    ) {
        self.metric = metric
        self.thresholdSource = thresholdSource
        self.comparison = comparison
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.missingData = missingData
        self.alarmName = alarmName
        self.alarmDescription = description
        self.actions = actions
        self.okActions = okActions
        self.insufficientDataActions = insufficientDataActions
        super.init(logicalID: logicalID, type: "AWS::CloudWatch::Alarm")
    }

    public var arn: Value<String> { attribute(.arn) }
    /// The alarm's name (its Ref).
    public var name: Value<String> { ref }

    public override func properties(in context: SynthesisContext) -> Fields {
        let threshold = threshold
        let rendered = CfnAlarm(
            logicalID,
            alarmActions: Self.arns(actions),
            alarmDescription: alarmDescription.map { Value($0) },
            alarmName: alarmName,
            comparisonOperator: comparison.rendered,
            datapointsToAlarm: datapointsToAlarm.map { Value($0) },
            dimensions: metric.dimensions.isEmpty ? nil : metric.dimensions.map { CfnAlarm.Dimension(name: Value($0.name), value: $0.value) },
            evaluationPeriods: Value(evaluationPeriods),
            extendedStatistic: metric.statistic.extended.map { Value($0) },
            insufficientDataActions: Self.arns(insufficientDataActions),
            metricName: Value(metric.name),
            namespace: Value(metric.namespace.name),
            okActions: Self.arns(okActions),
            period: Value(metric.period),
            statistic: metric.statistic.standard,
            threshold: Value(threshold),
            treatMissingData: missingData?.rendered,
            unit: metric.unit
        )
        return rendered.properties(in: context)
    }

    /// The rules run on what deploys, decoded into `CfnAlarm`, so that an override is
    /// checked like the typed settings.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        guard let deployed = DeployedProperties<CfnAlarm>(properties, of: self, in: context) else { return }
        AlarmRules.validate(deployed.resource, of: self, in: context)
    }

    private static func arns(_ actions: [any AlarmAction]) -> Value<[String]>? {
        actions.isEmpty ? nil : Value(actions.map(\.alarmActionARN))
    }
}

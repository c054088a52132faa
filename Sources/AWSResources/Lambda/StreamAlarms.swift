import CloudFormation

/// The alarms a stream trigger gets by default (`function.trigger(on:..., alarms:)`), which
/// neither CDK, SAM nor troposphere make: a stream processor that falls behind or fails
/// does so silently otherwise, until records expire.
///
/// - **IteratorAge** of the function (Maximum over 1 minute, 5 of 5 minutes) above half the
///   trigger's maximum record age: records older than that age are discarded, so the alarm
///   fires with half of their life left to act. With no maximum age (-1 or unset) records are
///   retried until the stream drops them (24 hours for DynamoDB), and the threshold is
///   1 hour: a healthy consumer lags seconds, so an hour means a stuck shard, found with
///   23 hours left. `iteratorAgeThreshold:` sets another.
/// - **Errors** of the function (Sum over 1 minute, 1 of 5 minutes) above 0: any failed
///   invocation raises it within a minute, and it clears after five clean minutes, so a
///   burst of errors is one notification rather than one a minute.
/// - **ApproximateNumberOfMessagesVisible** of the on-failure queue, when there is one
///   (Maximum over 1 minute) above 0: a record was given up on, and stays there until a
///   person looks; the alarm stays in ALARM until the queue is emptied.
///
/// All three treat missing data as not breaching: the metrics are only published while
/// there is traffic. Actions go to the alarm state and back to OK, so the recovery is
/// notified too. Logical IDs: `<Function>IteratorAgeAlarm`, `<Function>ErrorsAlarm`,
/// `<Queue>MessagesVisibleAlarm`. A function with several triggers has one IteratorAge and
/// one Errors alarm: the smallest threshold of its triggers, and all of their actions.
///
/// Without a topic (`.default`) the alarms are still made, with no actions, and synthesis
/// warns: they show in the CloudWatch console and can be wired later, but nobody is told
/// when they fire, which a CDK user would not expect of "alarms". `.withoutActions` says
/// that is intended; `.none` opts out.
public struct StreamAlarms {
    public enum Kind: CaseIterable, Hashable, Sendable {
        case iteratorAge
        case errors
        /// Only made when the trigger has an on-failure queue.
        case failedRecords
    }

    public let kinds: Set<Kind>
    public let actions: [any AlarmAction]
    /// Seconds; nil derives it from the trigger's maximum record age.
    public let iteratorAgeThreshold: Int?
    /// True for the implicit default, which warns when it has no actions.
    let isImplicit: Bool

    /// All the alarms, notifying `actions` (a `Topic`, or a parameter holding a topic's ARN).
    public static func notify(_ actions: any AlarmAction..., only kinds: Set<Kind> = Set(Kind.allCases), iteratorAgeThreshold: Int? = nil) -> StreamAlarms {
        StreamAlarms(kinds: kinds, actions: actions, iteratorAgeThreshold: iteratorAgeThreshold, isImplicit: false)
    }

    /// The alarms with no actions, on purpose (they show in the console; nobody is notified).
    public static func withoutActions(only kinds: Set<Kind> = Set(Kind.allCases), iteratorAgeThreshold: Int? = nil) -> StreamAlarms {
        StreamAlarms(kinds: kinds, actions: [], iteratorAgeThreshold: iteratorAgeThreshold, isImplicit: false)
    }

    /// No alarms for this trigger.
    public static var none: StreamAlarms {
        StreamAlarms(kinds: [], actions: [], iteratorAgeThreshold: nil, isImplicit: false)
    }

    /// What a trigger gets when it names nothing: every alarm, no actions, and a warning.
    public static var `default`: StreamAlarms {
        StreamAlarms(kinds: Set(Kind.allCases), actions: [], iteratorAgeThreshold: nil, isImplicit: true)
    }

    /// The threshold without a maximum record age: one hour.
    public static let unlimitedAgeThreshold = 3_600
    static let period = 60
    static let evaluationPeriods = 5

    /// The IteratorAge threshold in seconds: half the maximum record age, or one hour.
    static func iteratorAgeThreshold(maximumRecordAge: Int?, override: Int?) -> Int {
        if let override { return override }
        guard let age = maximumRecordAge, age > 0 else { return unlimitedAgeThreshold }
        return age / 2
    }

    /// The alarms `mapping.alarms` asks for. IteratorAge and Errors are per function: the
    /// first trigger of a function that asks for them makes them; a later one adds its actions
    /// to them, and its maximum record age joins their threshold (the smallest one wins).
    static func make(for mapping: EventSourceMapping) -> [Alarm] {
        // No kind asked for (`.none`): nothing below would be made, so nothing is looked at.
        guard !mapping.alarms.kinds.isEmpty, mapping.source is any StreamEventSource else { return [] }
        let settings = mapping.alarms
        let function = mapping.function
        if let owner = earlierFunctionAlarms(before: mapping) {
            for alarm in owner.streamAlarms where alarm.metric.namespace == .lambda {
                alarm.actions = merged(alarm.actions, settings.actions)
                alarm.okActions = merged(alarm.okActions, settings.actions)
            }
            return failedRecordsAlarm(for: mapping).map { [$0] } ?? []
        }
        var alarms: [Alarm] = []
        if settings.kinds.contains(.iteratorAge) {
            alarms.append(Alarm(
                "\(function.logicalID)IteratorAgeAlarm",
                metric: function.metric(.iteratorAge, statistic: .maximum, period: period),
                derivedThreshold: { [weak function] in
                    let triggers = function?.eventSourceMappings.filter { $0.alarms.kinds.contains(.iteratorAge) } ?? []
                    let seconds = triggers.map { iteratorAgeThreshold(maximumRecordAge: $0.maximumRecordAgeInSeconds, override: $0.alarms.iteratorAgeThreshold) }.min()
                    return Double((seconds ?? unlimitedAgeThreshold) * 1_000)
                },
                comparison: .greaterThanThreshold,
                evaluationPeriods: evaluationPeriods,
                datapointsToAlarm: evaluationPeriods,
                missingData: .notBreaching,
                description: "\(function.logicalID) is falling behind its stream: records wait longer than the threshold (ms) to be processed, and are lost at the trigger's maximum record age or when the stream drops them.",
                actions: settings.actions,
                okActions: settings.actions
            ))
        }
        if settings.kinds.contains(.errors) {
            alarms.append(Alarm(
                "\(function.logicalID)ErrorsAlarm",
                metric: function.metric(.errors, statistic: .sum, period: period),
                derivedThreshold: { 0 },
                comparison: .greaterThanThreshold,
                evaluationPeriods: evaluationPeriods,
                datapointsToAlarm: 1,
                missingData: .notBreaching,
                description: "\(function.logicalID) failed an invocation in the last five minutes: its batch is retried, and the records behind it wait.",
                actions: settings.actions,
                okActions: settings.actions
            ))
        }
        return alarms + (failedRecordsAlarm(for: mapping).map { [$0] } ?? [])
    }

    private static func failedRecordsAlarm(for mapping: EventSourceMapping) -> Alarm? {
        let settings = mapping.alarms
        guard settings.kinds.contains(.failedRecords), let queue = failureQueue(of: mapping) else { return nil }
        return Alarm(
            "\(queue.logicalID)MessagesVisibleAlarm",
            metric: queue.metric(.approximateNumberOfMessagesVisible, statistic: .maximum, period: period),
            derivedThreshold: { 0 },
            comparison: .greaterThanThreshold,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            missingData: .notBreaching,
            description: "Trigger \(mapping.logicalID) gave up on records: they are in \(queue.logicalID) for a person to look at.",
            actions: settings.actions,
            okActions: settings.actions
        )
    }

    /// `existing` and then those of `added` it does not hold yet (by their rendered ARN).
    private static func merged(_ existing: [any AlarmAction], _ added: [any AlarmAction]) -> [any AlarmAction] {
        var seen = Set(existing.map(\.alarmActionARN.raw))
        return existing + added.filter { seen.insert($0.alarmActionARN.raw).inserted }
    }

    /// The queue that receives the records the trigger gives up on, if it is a queue.
    static func failureQueue(of mapping: EventSourceMapping) -> Queue? {
        mapping.onFailure?.target as? Queue
    }

    /// The earlier trigger of the same function that made the function's alarms, if any.
    static func earlierFunctionAlarms(before mapping: EventSourceMapping) -> EventSourceMapping? {
        let perFunction: Set<Kind> = [.iteratorAge, .errors]
        guard !mapping.alarms.kinds.isDisjoint(with: perFunction) else { return nil }
        return mapping.function.eventSourceMappings
            .prefix { $0 !== mapping }
            .first { !$0.alarms.kinds.isDisjoint(with: perFunction) }
    }

    /// A given IteratorAge threshold below a second (it would fire on every batch), and a
    /// warning when the implicit default left alarms of the trigger without actions.
    static func report(_ mapping: EventSourceMapping, in context: SynthesisContext) {
        // The stored set first: the cast to an existential is a conformance look-up (~5.8 k
        // instructions), needless when no alarm is asked.
        if !mapping.alarms.kinds.isEmpty, !(mapping.source is any StreamEventSource) {
            context.error(mapping, "stream alarms are for stream triggers; a queue has no iterator age and no on-failure destination: remove alarms (or set alarms: .none), and alarm on the queue's metrics with Alarm(...)")
            return
        }
        if let threshold = mapping.alarms.iteratorAgeThreshold, threshold < 1 {
            context.error(mapping, "the IteratorAge alarm's threshold \(threshold) s must be at least 1 s; every processed record is older than 0")
        }
        guard mapping.alarms.isImplicit else { return }
        let silent = mapping.streamAlarms.filter(\.actions.isEmpty).map(\.logicalID)
        guard !silent.isEmpty else { return }
        context.warning(mapping, "the trigger's alarms (\(silent.joined(separator: ", "))) have no actions, so nobody is notified when they fire: give an SNS topic with alarms: .notify(topic) (a Topic, or a parameter holding its ARN), alarms: .withoutActions to keep them as they are, or alarms: .none")
    }
}

import AWSLambda
import CloudFormation

/// An event-source mapping from a stream or a queue to a function
/// (`AWS::Lambda::EventSourceMapping`), made by `function.trigger(on:...)`.
///
/// Creating it binds the source (`EventSource.bind`: the read grant on the function's role)
/// and grants the delivery to the on-failure destination. The role holds those grants inline
/// and the mapping names the function, which names the role, so CloudFormation creates the
/// mapping only after the permissions exist: Lambda checks them when the mapping is created.
public final class EventSourceMapping: Resource {
    public let function: Function
    /// What the mapping reads: a table's stream, a Kinesis stream, a queue.
    public let source: any EventSource
    // The settings Lambda supports for only some sources are set through the initializer of
    // that kind of source (`trigger(on:)`), so a stream mapping cannot get a queue's setting.

    /// 1 to 10000; nil keeps Lambda's default (100 for streams, 10 for SQS).
    public var batchSize: Int?
    /// Streams only.
    public private(set) var startingPosition: StartingPosition?
    /// Seconds to gather a batch, 0 to 300.
    public var maximumBatchingWindowInSeconds: Int?
    public var reportBatchItemFailures: Bool
    /// Split a failing batch in two and retry each half, to isolate a bad record (streams).
    public private(set) var bisectBatchOnFunctionError: Bool?
    /// -1 (until the record expires) or 0 to 10000 (streams).
    public private(set) var maximumRetryAttempts: Int?
    /// -1 (no limit) or 60 to 604800 seconds (streams).
    public private(set) var maximumRecordAgeInSeconds: Int?
    /// Batches per shard processed at once, 1 to 10 (streams).
    public private(set) var parallelizationFactor: Int?
    /// Seconds, 0 to 900 (streams).
    public private(set) var tumblingWindowInSeconds: Int?
    /// Streams only; a queue's failed messages go to its own redrive queue.
    public let onFailure: FailureDestination?
    /// Concurrent invocations the mapping may make, 2 to 1000 (SQS only).
    public private(set) var maximumConcurrency: Int?
    public var enabled: Bool
    /// The filters' patterns, written by the source from its own kind of filter.
    private let filterPatterns: [FilterPattern]
    /// The L1 object the properties were last rendered from, checked in place of decoding
    /// them back when no override changed them (`DeployedProperties`).
    private var renderedModel: CfnEventSourceMapping?
    /// The alarms a stream trigger gets (see `StreamAlarms`), made as its companions when it
    /// is added to the stack: set this before `stack.add`. A queue trigger has none (it has
    /// no iterator age, and its failures go to the queue's redrive queue).
    public var alarms: StreamAlarms
    /// The alarms made for `alarms`, added to the stack with the mapping.
    public private(set) lazy var streamAlarms: [Alarm] = StreamAlarms.make(for: self)

    /// Lambda's documented floor for a limited record age (the schema allows -1 and up).
    static let shortestRecordAge = 60
    public static let maximumFilters = 5
    public static let maximumPatternLength = 4096

    /// A mapping from a stream (a table's, a Kinesis stream): see `Function.trigger(on:)`.
    public convenience init<Source: StreamEventSource>(
        _ logicalID: String,
        function: Function,
        stream: Source,
        batchSize: Int? = nil,
        startingPosition: StartingPosition,
        maximumBatchingWindowInSeconds: Int? = nil,
        filters: [Source.Filter] = [],
        reportBatchItemFailures: Bool = false,
        bisectBatchOnFunctionError: Bool? = nil,
        maximumRetryAttempts: Int? = nil,
        maximumRecordAgeInSeconds: Int? = nil,
        parallelizationFactor: Int? = nil,
        tumblingWindowInSeconds: Int? = nil,
        onFailure: FailureDestination? = nil,
        enabled: Bool = true,
        alarms: StreamAlarms = .default
    ) {
        self.init(logicalID, function: function, source: stream, filterPatterns: Self.patterns(of: filters, by: stream), reportBatchItemFailures: reportBatchItemFailures, onFailure: onFailure, enabled: enabled, alarms: alarms)
        self.batchSize = batchSize
        self.startingPosition = startingPosition
        self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
        self.bisectBatchOnFunctionError = bisectBatchOnFunctionError
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds
        self.parallelizationFactor = parallelizationFactor
        self.tumblingWindowInSeconds = tumblingWindowInSeconds
    }

    /// A mapping from a queue: see `Function.trigger(on:)`.
    public convenience init<Source: QueueEventSource>(
        _ logicalID: String,
        function: Function,
        queue: Source,
        batchSize: Int? = nil,
        maximumBatchingWindowInSeconds: Int? = nil,
        filters: [Source.Filter] = [],
        reportBatchItemFailures: Bool = false,
        maximumConcurrency: Int? = nil,
        enabled: Bool = true
    ) {
        self.init(logicalID, function: function, source: queue, filterPatterns: Self.patterns(of: filters, by: queue), reportBatchItemFailures: reportBatchItemFailures, onFailure: nil, enabled: enabled, alarms: .none)
        self.batchSize = batchSize
        self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
        self.maximumConcurrency = maximumConcurrency
    }

    private init(_ logicalID: String, function: Function, source: any EventSource, filterPatterns: [FilterPattern], reportBatchItemFailures: Bool, onFailure: FailureDestination?, enabled: Bool, alarms: StreamAlarms) {
        self.function = function
        self.source = source
        self.filterPatterns = filterPatterns
        self.reportBatchItemFailures = reportBatchItemFailures
        self.onFailure = onFailure
        self.enabled = enabled
        self.alarms = alarms
        super.init(logicalID: logicalID, type: "AWS::Lambda::EventSourceMapping")

        source.bind(self)
        if let destination = onFailure?.target {
            for statement in destination.deliveryStatements {
                function.grantTarget.grant(.automatic(reason: "to deliver failed records")) { statement }
            }
        }
        function.register(self)
    }

    private static func patterns<Source: EventSource>(of filters: [Source.Filter], by source: Source) -> [FilterPattern] {
        // A loop, not `enumerated().map`: unspecialized, that looked up generic metadata per call.
        var patterns: [FilterPattern] = []
        patterns.reserveCapacity(filters.count)
        for position in filters.indices {
            patterns.append(source.pattern(of: filters[position], number: position + 1))
        }
        return patterns
    }

    /// The mapping's UUID (its Ref).
    public var id: Value<String> { ref }

    public override var companions: [Resource] { streamAlarms }

    public override func synthesize(in context: SynthesisContext) {
        StreamAlarms.report(self, in: context)
        // In SAM flavor the function renders the mapping as one of its Events.
        if context.flavor == .sam, StreamEvent.folds(self) { return }
        context.add(definition(in: context))
    }

    /// The definition, its rendered settings checked (`definition` does): what SAM folds into an event.
    func validatedDefinition(in context: SynthesisContext) -> TemplateResource {
        definition(in: context)
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        let path = PropertyPath.properties.key("FilterCriteria").key("Filters")
        for (position, pattern) in filterPatterns.enumerated() {
            for problem in pattern.problems { context.error(self, at: path.index(position).key("Pattern"), problem) }
        }
        let model = resource
        renderedModel = model
        return RenderOrder.eventSourceMapping.apply(to: model.properties(in: context))
    }

    /// The mapping as its generated L1 type, from the typed model.
    private var resource: CfnEventSourceMapping {
        CfnEventSourceMapping(
            logicalID,
            functionName: function.name,
            batchSize: batchSize.map { Value($0) },
            bisectBatchOnFunctionError: bisectBatchOnFunctionError.map { Value(booleanLiteral: $0) },
            destinationConfig: onFailure.map { CfnEventSourceMapping.DestinationConfig(onFailure: CfnEventSourceMapping.OnFailure(destination: $0.target.destinationArn)) },
            enabled: Value(booleanLiteral: enabled),
            eventSourceArn: source.eventSourceArn,
            filterCriteria: filterPatterns.isEmpty ? nil : CfnEventSourceMapping.FilterCriteria(filters: filterPatterns.map { CfnEventSourceMapping.Filter(pattern: Value($0.json)) }),
            functionResponseTypes: reportBatchItemFailures ? [.reportBatchItemFailures] : nil,
            maximumBatchingWindowInSeconds: maximumBatchingWindowInSeconds.map { Value($0) },
            maximumRecordAgeInSeconds: maximumRecordAgeInSeconds.map { Value($0) },
            maximumRetryAttempts: maximumRetryAttempts.map { Value($0) },
            parallelizationFactor: parallelizationFactor.map { Value($0) },
            scalingConfig: maximumConcurrency.map { CfnEventSourceMapping.ScalingConfig(maximumConcurrency: Value($0)) },
            startingPosition: startingPosition.map { Value($0.rawValue) },
            tumblingWindowInSeconds: tumblingWindowInSeconds.map { Value($0) }
        )
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        // The override boundary: what deploys, overrides applied, read back as the L1 type.
        defer { renderedModel = nil }
        guard let deployed = DeployedProperties<CfnEventSourceMapping>(properties, rendered: renderedModel, of: self, in: context) else { return }
        validate(deployed.resource, in: context)
    }

    /// The checks no schema states, on the mapping as it deploys.
    private func validate(_ deployed: CfnEventSourceMapping, in context: SynthesisContext) {
        let root = PropertyPath.properties
        for problem in source.problems(in: deployed) {
            context.error(self, at: root / problem.property, problem.message)
        }
        // Ranges are the catalog's; this gap inside the schema's range is Lambda's own rule.
        if let age = deployed.maximumRecordAgeInSeconds?.raw.literalInteger, (0..<Self.shortestRecordAge).contains(age) {
            context.error(self, at: root / "MaximumRecordAgeInSeconds", "maximum record age \(age) s must be -1 (no limit) or at least \(Self.shortestRecordAge)")
        }

        let filters = deployed.filterCriteria?.filters ?? []
        if filters.count > Self.maximumFilters {
            context.error(self, at: root.key("FilterCriteria").key("Filters"), "the mapping has \(filters.count) filters; Lambda allows \(Self.maximumFilters) by default")
        }
        for (position, filter) in filters.enumerated() {
            if let pattern = filter.pattern?.literal, pattern.count > Self.maximumPatternLength {
                context.error(self, at: root.key("FilterCriteria").key("Filters").index(position).key("Pattern"), "filter pattern has \(pattern.count) characters; the limit is \(Self.maximumPatternLength)")
            }
        }
    }
}

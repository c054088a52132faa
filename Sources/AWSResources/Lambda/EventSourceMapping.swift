import CloudFormation

/// An event-source mapping from a table's stream to a function
/// (`AWS::Lambda::EventSourceMapping`), usually made by `function.trigger(on:...)`.
///
/// Creating it grants the function's role the stream read it needs (and the right to deliver
/// to the on-failure destination). The role holds those grants inline and the mapping names
/// the function, which names the role, so CloudFormation creates the mapping only after the
/// permissions exist: Lambda checks them when the mapping is created.
public final class EventSourceMapping: Resource {
    public let function: Function
    public let stream: TableStream
    /// 1 to 10000; nil keeps Lambda's default (100).
    public var batchSize: Int?
    public var startingPosition: StartingPosition
    /// Seconds to gather a batch, 0 to 300.
    public var maximumBatchingWindowInSeconds: Int?
    /// At most 5 (Lambda's default quota). Conditions within one filter all hold; filters alternate.
    public var filters: [StreamFilter]
    public var reportBatchItemFailures: Bool
    /// Split a failing batch in two and retry each half, to isolate a bad record.
    public var bisectBatchOnFunctionError: Bool?
    /// -1 (until the record expires) or 0 to 10000.
    public var maximumRetryAttempts: Int?
    /// -1 (no limit) or 60 to 604800 seconds.
    public var maximumRecordAgeInSeconds: Int?
    /// Batches per shard processed at once, 1 to 10.
    public var parallelizationFactor: Int?
    /// Seconds, 0 to 900.
    public var tumblingWindowInSeconds: Int?
    public let onFailure: FailureDestination?
    public var enabled: Bool
    /// The alarms the trigger gets (see `StreamAlarms`), made as its companions when it is
    /// added to the stack: set this before `stack.add`.
    public var alarms: StreamAlarms
    /// The alarms made for `alarms`, added to the stack with the mapping.
    public private(set) lazy var streamAlarms: [Alarm] = StreamAlarms.make(for: self)

    /// Lambda's documented floor for a limited record age (the schema allows -1 and up).
    static let shortestRecordAge = 60
    public static let maximumFilters = 5
    public static let maximumPatternLength = 4096

    public init(
        _ logicalID: String,
        function: Function,
        stream: TableStream,
        batchSize: Int? = nil,
        startingPosition: StartingPosition,
        maximumBatchingWindowInSeconds: Int? = nil,
        filters: [StreamFilter] = [],
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
        self.function = function
        self.stream = stream
        self.batchSize = batchSize
        self.startingPosition = startingPosition
        self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
        self.filters = filters
        self.reportBatchItemFailures = reportBatchItemFailures
        self.bisectBatchOnFunctionError = bisectBatchOnFunctionError
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds
        self.parallelizationFactor = parallelizationFactor
        self.tumblingWindowInSeconds = tumblingWindowInSeconds
        self.onFailure = onFailure
        self.enabled = enabled
        self.alarms = alarms
        super.init(logicalID: logicalID, type: "AWS::Lambda::EventSourceMapping")

        stream.grantRead(function, origin: .automatic(reason: "to read the stream of \(stream.tableLogicalID)"))
        if let onFailure {
            function.grantTarget.grant(.automatic(reason: "to deliver failed records")) { onFailure.permission }
        }
        function.register(self)
        stream.table.streamConsumers.append(logicalID)
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
        var properties = Fields()
        properties["EventSourceArn"] = stream.arn.raw
        properties["FunctionName"] = function.name.raw
        properties["BatchSize"] = batchSize.map { .integer($0) }
        properties["StartingPosition"] = .string(startingPosition.rawValue)
        properties["Enabled"] = .boolean(enabled)
        properties["MaximumBatchingWindowInSeconds"] = maximumBatchingWindowInSeconds.map { .integer($0) }
        properties["ParallelizationFactor"] = parallelizationFactor.map { .integer($0) }
        properties["BisectBatchOnFunctionError"] = bisectBatchOnFunctionError.map { .boolean($0) }
        properties["MaximumRetryAttempts"] = maximumRetryAttempts.map { .integer($0) }
        properties["MaximumRecordAgeInSeconds"] = maximumRecordAgeInSeconds.map { .integer($0) }
        properties["TumblingWindowInSeconds"] = tumblingWindowInSeconds.map { .integer($0) }
        if let onFailure {
            properties["DestinationConfig"] = .object(["OnFailure": .object(["Destination": onFailure.arn.raw])])
        }
        if !filters.isEmpty {
            let patterns = filters.enumerated().map { renderPattern($1, position: $0, in: context) }
            properties["FilterCriteria"] = .object(["Filters": .list(patterns.map { .object(["Pattern": .string($0)]) })])
        }
        if reportBatchItemFailures {
            properties["FunctionResponseTypes"] = .list(["ReportBatchItemFailures"])
        }
        return properties
    }

    /// The compact JSON pattern of a filter; problems with its conditions are reported here.
    func renderPattern(_ filter: StreamFilter, position: Int, in context: SynthesisContext) -> String {
        let path = PropertyPath.properties.key("FilterCriteria").key("Filters").index(position).key("Pattern")
        if filter.conditions.isEmpty {
            context.error(self, at: path, "filter \(position + 1) has no conditions, so it would match every record; leave it out instead")
        }
        var pattern = JSONValue.object([])
        for condition in filter.conditions {
            let fieldPath: [String]
            switch condition.field {
            case .eventName:
                fieldPath = ["eventName"]
            case .key(let name):
                guard let key = stream.keyAttributes.first(where: { $0.name == name }) else {
                    let keys = stream.keyAttributes.map(\.name).joined(separator: ", ")
                    context.error(self, at: path, "filter on key '\(Diagnostic.abbreviated(name))', which is not a key of table \(stream.tableLogicalID) (\(keys)); stream records carry only the table's keys")
                    continue
                }
                fieldPath = ["dynamodb", "Keys", name, key.type.rawValue]
            case .newImage(let name, let type):
                if stream.viewType != .newImage, stream.viewType != .newAndOldImages {
                    context.error(self, at: path, "filter on the new image of '\(Diagnostic.abbreviated(name))', but the stream of \(stream.tableLogicalID) is \(stream.viewType.rawValue)")
                }
                fieldPath = ["dynamodb", "NewImage", name, type.rawValue]
            case .oldImage(let name, let type):
                if stream.viewType != .oldImage, stream.viewType != .newAndOldImages {
                    context.error(self, at: path, "filter on the old image of '\(Diagnostic.abbreviated(name))', but the stream of \(stream.tableLogicalID) is \(stream.viewType.rawValue)")
                }
                fieldPath = ["dynamodb", "OldImage", name, type.rawValue]
            }
            if condition.matches.isEmpty {
                context.error(self, at: path, "the condition on \(fieldPath.joined(separator: ".")) lists no values, so it matches nothing")
            }
            pattern.insert(condition.matches.map(\.json), at: fieldPath[...])
        }
        return pattern.compact
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        let root = PropertyPath.properties
        switch properties["StartingPosition"] {
        case nil:
            context.error(self, at: root / "StartingPosition", "a DynamoDB stream mapping needs a starting position: LATEST or TRIM_HORIZON")
        case .string(let position) where StartingPosition(rawValue: position) == nil:
            context.error(self, at: root / "StartingPosition", "starting position '\(Diagnostic.abbreviated(position))' is not valid for a DynamoDB stream; use LATEST or TRIM_HORIZON")
        default:
            break
        }
        // Ranges are the catalog's; this gap inside the schema's range is Lambda's own rule.
        if let age = properties["MaximumRecordAgeInSeconds"]?.literalInteger, (0..<Self.shortestRecordAge).contains(age) {
            context.error(self, at: root / "MaximumRecordAgeInSeconds", "maximum record age \(age) s must be -1 (no limit) or at least \(Self.shortestRecordAge)")
        }

        let filters = properties["FilterCriteria"]?.objectFields?["Filters"]?.listItems ?? []
        if filters.count > Self.maximumFilters {
            context.error(self, at: root.key("FilterCriteria").key("Filters"), "the mapping has \(filters.count) filters; Lambda allows \(Self.maximumFilters) by default")
        }
        for (position, filter) in filters.enumerated() {
            if let pattern = filter.objectFields?["Pattern"]?.literalString, pattern.count > Self.maximumPatternLength {
                context.error(self, at: root.key("FilterCriteria").key("Filters").index(position).key("Pattern"), "filter pattern has \(pattern.count) characters; the limit is \(Self.maximumPatternLength)")
            }
        }
    }
}

import CloudFormation

/// The order in which a resource's properties are written, for reviewers: what it is first
/// (name, description, runtime, handler, code), then its settings, then its wiring. The
/// generated L1 types render alphabetically; this keeps out/ in the order it has always had,
/// so that moving a resource onto its L1 type changes no line. Keys it does not list (a
/// property set by an override, one infra does not model) follow in the L1's order.
struct RenderedOrder {
    /// The properties in order; nested orders for the objects whose keys are ordered too.
    private let keys: [String]
    private let nested: [String: RenderedOrder]

    init(_ keys: [String], nested: [String: RenderedOrder] = [:]) {
        self.keys = keys
        self.nested = nested
    }

    /// The same order with one key in place of another (an event's `Stream` for `EventSourceArn`).
    func replacing(_ key: String, with replacement: String) -> RenderedOrder {
        RenderedOrder(keys.map { $0 == key ? replacement : $0 }, nested: nested)
    }

    func apply(to fields: Fields) -> Fields {
        let listed = keys.compactMap { key in fields[key].map { (key, arrange($0, under: key)) } }
        let rest = fields.entries.filter { !keys.contains($0.key) }.map { ($0.key, arrange($0.value, under: $0.key)) }
        return Fields(listed + rest)
    }

    private func arrange(_ value: TemplateValue, under key: String) -> TemplateValue {
        guard let order = nested[key], case .object(let fields) = value else { return value }
        return .object(order.apply(to: fields))
    }

    static let function = RenderedOrder(
        ["FunctionName", "Description", "Runtime", "Architectures", "Handler", "Code", "Role", "MemorySize", "Timeout",
         "ReservedConcurrentExecutions", "Environment", "VpcConfig", "LoggingConfig", "Tags"],
        nested: ["VpcConfig": RenderedOrder(["SubnetIds", "SecurityGroupIds"])]
    )

    static let eventSourceMapping = RenderedOrder(
        ["EventSourceArn", "FunctionName", "BatchSize", "StartingPosition", "Enabled", "MaximumBatchingWindowInSeconds",
         "ParallelizationFactor", "BisectBatchOnFunctionError", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
         "TumblingWindowInSeconds", "DestinationConfig", "FilterCriteria", "FunctionResponseTypes", "ScalingConfig"]
    )
}

/// A filter on the JSON payload of a record: a Kinesis record's `data` or an SQS message's
/// `body` (Lambda filters on them only when they are JSON objects). A record is processed when
/// all conditions hold, and a mapping with several filters processes a record any filter matches.
///
///     RecordFilter(.field("status", .equals("failed")), .field("order", "region", matching: .prefix("eu-")))
///
/// renders for SQS as `{"body":{"status":["failed"],"order":{"region":[{"prefix":"eu-"}]}}}`.
public struct RecordFilter: Hashable, Sendable {
    public let conditions: [PayloadCondition]

    public init(_ conditions: PayloadCondition...) {
        self.conditions = conditions
    }

    public init(conditions: [PayloadCondition]) {
        self.conditions = conditions
    }

    /// The pattern with the payload under `payloadKey` (`data`, `body`).
    func pattern(payloadKey: String, number: Int) -> FilterPattern {
        var problems: [String] = []
        if conditions.isEmpty {
            problems.append("filter \(number) has no conditions, so it would match every record; leave it out instead")
        }
        var pattern = JSONValue.object([])
        for condition in conditions {
            let path = [payloadKey] + condition.path
            if condition.path.isEmpty || condition.path.contains(where: \.isEmpty) {
                problems.append("a condition of filter \(number) names no field (or an empty one) of the \(payloadKey)")
                continue
            }
            if condition.matches.isEmpty {
                problems.append("the condition on \(path.joined(separator: ".")) lists no values, so it matches nothing")
            }
            pattern.insert(condition.matches.map { $0.json }, at: path[...])
        }
        return FilterPattern(json: pattern.compact, problems: problems)
    }
}

/// One condition of a `RecordFilter`: a field of the JSON payload, by its path, and the
/// values it may take.
public struct PayloadCondition: Hashable, Sendable {
    let path: [String]
    let matches: [FilterMatch]

    /// The field at `path` (`"order", "region"` for `{"order": {"region": ...}}`).
    public static func field(_ path: String..., matching matches: FilterMatch...) -> PayloadCondition {
        PayloadCondition(path: path, matches: matches)
    }

    /// A top-level field of the payload.
    public static func field(_ name: String, _ matches: FilterMatch...) -> PayloadCondition {
        PayloadCondition(path: [name], matches: matches)
    }
}

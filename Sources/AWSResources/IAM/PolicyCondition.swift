import CloudFormation

/// One condition of a statement: `{Operator: {Key: Values}}`.
public struct PolicyCondition: Hashable, Sendable {
    public let test: ConditionOperator
    public let key: String
    public let values: [TemplateValue]

    public init(_ test: ConditionOperator, _ key: String, _ values: Value<String>...) {
        self.test = test
        self.key = key
        self.values = values.map(\.raw)
    }
}

/// An IAM condition operator (`StringEquals`, `ArnLike`, ...).
public struct ConditionOperator: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let stringEquals = ConditionOperator(rawValue: "StringEquals")
    public static let stringNotEquals = ConditionOperator(rawValue: "StringNotEquals")
    public static let stringLike = ConditionOperator(rawValue: "StringLike")
    public static let stringNotLike = ConditionOperator(rawValue: "StringNotLike")
    public static let arnEquals = ConditionOperator(rawValue: "ArnEquals")
    public static let arnLike = ConditionOperator(rawValue: "ArnLike")
    public static let bool = ConditionOperator(rawValue: "Bool")
    public static let ipAddress = ConditionOperator(rawValue: "IpAddress")
    public static let notIpAddress = ConditionOperator(rawValue: "NotIpAddress")
    public static let numericEquals = ConditionOperator(rawValue: "NumericEquals")
    public static let numericLessThanEquals = ConditionOperator(rawValue: "NumericLessThanEquals")
    public static let numericGreaterThanEquals = ConditionOperator(rawValue: "NumericGreaterThanEquals")
    public static let forAllValuesStringEquals = ConditionOperator(rawValue: "ForAllValues:StringEquals")
    public static let forAnyValueStringEquals = ConditionOperator(rawValue: "ForAnyValue:StringEquals")

    /// The `...IfExists` form: the condition holds when the key is absent.
    public var ifExists: ConditionOperator { ConditionOperator(rawValue: rawValue + "IfExists") }
}

extension [PolicyCondition] {
    /// Grouped by operator in order of first appearance, as IAM wants them.
    var rendered: TemplateValue {
        var byOperator = Fields()
        for condition in self {
            var keys = byOperator[condition.test.rawValue]?.objectFields ?? Fields()
            let existing = keys[condition.key].map { $0.listItems ?? [$0] } ?? []
            let values = existing + condition.values
            keys[condition.key] = values.count == 1 ? values[0] : .list(values)
            byOperator[condition.test.rawValue] = .object(keys)
        }
        return .object(byOperator)
    }
}

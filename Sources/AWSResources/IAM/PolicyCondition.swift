import CloudFormation

/// One condition of a statement: `{Operator: {Key: Values}}`.
public struct PolicyCondition: Hashable, Sendable {
    public let test: ConditionOperator
    public let key: String
    public let values: [TemplateValue]

    public init(_ test: ConditionOperator, _ key: String, _ values: Value<String>...) {
        self.test = test
        self.key = key
        self.values = values.map { $0.raw }
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
    /// Grouped by operator in order of first appearance, as IAM wants them; the values of
    /// one key under one operator gathered into one list (a scalar when there is one).
    var rendered: TemplateValue {
        var groups: [(test: String, keys: [(key: String, values: [TemplateValue])])] = []
        for condition in self {
            let test = condition.test.rawValue
            let group: Int
            if let found = groups.firstIndex(where: { $0.test == test }) {
                group = found
            } else {
                groups.append((test, []))
                group = groups.count - 1
            }
            if let key = groups[group].keys.firstIndex(where: { $0.key == condition.key }) {
                groups[group].keys[key].values += condition.values
            } else {
                groups[group].keys.append((condition.key, condition.values))
            }
        }
        return .object(Fields(groups.map { group in
            (group.test, .object(Fields(group.keys.map { ($0.key, $0.values.count == 1 ? $0.values[0] : .list($0.values)) })))
        }))
    }
}

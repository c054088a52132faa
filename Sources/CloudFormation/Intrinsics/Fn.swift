/// CloudFormation's intrinsic functions, typed: each returns the kind of value that
/// CloudFormation resolves it to, so a misuse is a compile error rather than a failed deploy.
public enum Fn {
    /// Fn::Sub of a raw string; `${Name}` references are checked by validation.
    /// Prefer string interpolation on `Value<String>`, which checks them at compile time.
    public static func sub(_ text: String, _ variables: [(String, Value<String>)] = []) -> Value<String> {
        Value(unchecked: .intrinsic(.sub(SubTemplate(parsing: text), variables: Fields(variables.map { ($0.0, $0.1.raw) }))))
    }

    public static func join(_ delimiter: String, _ values: [Value<String>]) -> Value<String> {
        Value(unchecked: .intrinsic(.join(delimiter: delimiter, .list(values.map(\.raw)))))
    }

    public static func join(_ delimiter: String, _ list: Value<[String]>) -> Value<String> {
        Value(unchecked: .intrinsic(.join(delimiter: delimiter, list.raw)))
    }

    public static func select(_ index: Int, _ list: Value<[String]>) -> Value<String> {
        Value(unchecked: .intrinsic(.select(index: .integer(index), from: list.raw)))
    }

    public static func split(_ delimiter: String, _ text: Value<String>) -> Value<[String]> {
        Value(unchecked: .intrinsic(.split(delimiter: delimiter, text.raw)))
    }

    public static func `if`<Kind>(_ condition: ConditionRef, _ then: Value<Kind>, else otherwise: Value<Kind>) -> Value<Kind> {
        Value(unchecked: .intrinsic(.if(condition: condition.name, then: then.raw, else: otherwise.raw)))
    }

    public static func equals<Kind>(_ lhs: Value<Kind>, _ rhs: Value<Kind>) -> ConditionExpression {
        ConditionExpression(.equals(lhs.raw, rhs.raw))
    }

    /// Fn::And of two to ten conditions (CloudFormation's bounds; validation reports others).
    public static func and(_ conditions: ConditionExpression...) -> ConditionExpression {
        ConditionExpression(.and(conditions.map(\.raw)))
    }

    public static func or(_ conditions: ConditionExpression...) -> ConditionExpression {
        ConditionExpression(.or(conditions.map(\.raw)))
    }

    public static func not(_ condition: ConditionExpression) -> ConditionExpression {
        ConditionExpression(.not(condition.raw))
    }

    /// A named condition used inside another condition.
    public static func condition(_ condition: ConditionRef) -> ConditionExpression {
        ConditionExpression(.condition(condition.name))
    }

    public static func findInMap(_ map: MappingRef, _ topLevelKey: Value<String>, _ secondLevelKey: Value<String>) -> Value<String> {
        Value(unchecked: .intrinsic(.findInMap(map: map.name, topLevelKey: topLevelKey.raw, secondLevelKey: secondLevelKey.raw)))
    }

    /// The Availability Zones of a region; the empty string means the stack's region.
    public static func getAZs(_ region: Value<String> = "") -> Value<[String]> {
        Value(unchecked: .intrinsic(.getAZs(region.raw)))
    }

    public static func importValue(_ exportName: Value<String>) -> Value<String> {
        Value(unchecked: .intrinsic(.importValue(exportName.raw)))
    }

    public static func base64(_ text: Value<String>) -> Value<String> {
        Value(unchecked: .intrinsic(.base64(text.raw)))
    }

    public static func cidr(_ ipBlock: Value<String>, count: Value<Int>, cidrBits: Value<Int>) -> Value<[String]> {
        Value(unchecked: .intrinsic(.cidr(ipBlock: ipBlock.raw, count: count.raw, cidrBits: cidrBits.raw)))
    }

    /// A Ref by name: the escape hatch for something `infra` does not model. Validation
    /// still checks that the name exists in the stack.
    public static func ref<Kind>(_ logicalID: String, as kind: Kind.Type = String.self) -> Value<Kind> {
        Value(unchecked: .intrinsic(.ref(ReferenceTarget(logicalID))))
    }

    /// A GetAtt by name, the escape hatch's counterpart of `ref`.
    public static func getAtt<Kind>(_ logicalID: String, _ attribute: String, as kind: Kind.Type = String.self) -> Value<Kind> {
        Value(unchecked: .intrinsic(.getAtt(ReferenceTarget(logicalID), attribute: attribute)))
    }
}

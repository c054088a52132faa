import AWSDynamoDB

/// A DynamoDB scalar attribute type, as key attributes and stream records spell it.
public enum AttributeType: String, Sendable, Hashable, CaseIterable {
    case string = "S"
    case number = "N"
    case binary = "B"

    var cfnType: CfnTable.AttributeDefinition.AttributeType {
        switch self {
        case .string: .s
        case .number: .n
        case .binary: .b
        }
    }
}

/// A key attribute: its name and type. Attribute definitions are derived from the keys of the
/// table and its indexes, so they always match the key schemas exactly.
public struct KeyAttribute: Hashable, Sendable {
    public let name: String
    public let type: AttributeType

    public init(_ name: String, _ type: AttributeType) {
        self.name = name
        self.type = type
    }

    public static func string(_ name: String) -> KeyAttribute { KeyAttribute(name, .string) }
    public static func number(_ name: String) -> KeyAttribute { KeyAttribute(name, .number) }
    public static func binary(_ name: String) -> KeyAttribute { KeyAttribute(name, .binary) }
}

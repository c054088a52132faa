/// The JSON types a schema names.
public struct JSONType: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let string = JSONType(rawValue: 1)
    public static let integer = JSONType(rawValue: 2)
    public static let number = JSONType(rawValue: 4)
    public static let boolean = JSONType(rawValue: 8)
    public static let array = JSONType(rawValue: 16)
    public static let object = JSONType(rawValue: 32)
    public static let null = JSONType(rawValue: 64)
    /// No `type` keyword: anything.
    public static let any: JSONType = []

    init(schemaName: String) {
        switch schemaName {
        case "string": self = .string
        case "integer": self = .integer
        case "number": self = .number
        case "boolean": self = .boolean
        case "array": self = .array
        case "object": self = .object
        case "null": self = .null
        default: self = .any
        }
    }

    /// For messages: "string", "integer or string".
    public var names: String {
        let all: [(JSONType, String)] = [(.string, "string"), (.integer, "integer"), (.number, "number"), (.boolean, "boolean"),
                                         (.array, "list"), (.object, "object"), (.null, "null")]
        let named = all.filter { contains($0.0) }.map(\.1)
        switch named.count {
        case 0: return "any value"
        case 1: return named[0]
        default: return named.dropLast().joined(separator: ", ") + " or " + named.last!
        }
    }
}

/// A decoded catalog record: the JSON-like values the generator wrote, before they become
/// typed facts (`ResourceTypeInfo`) and shapes (`ValueShape`).
enum CatalogValue: Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// A non-integral number in its decimal text.
    case number(String)
    case string(String)
    case array([CatalogValue])
    /// Keys in the schema's order.
    case object([(String, CatalogValue)])

    subscript(key: String) -> CatalogValue? {
        if case .object(let entries) = self { return entries.first { $0.0 == key }?.1 }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var bool: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let text): Double(text)
        default: nil
        }
    }

    var array: [CatalogValue] { if case .array(let items) = self { items } else { [] } }
    var entries: [(String, CatalogValue)] { if case .object(let entries) = self { entries } else { [] } }
    var strings: [String] { array.compactMap(\.string) }
    var paths: [[String]] { array.map(\.strings) }

    /// The value as JSON text, for enum and const values, which compare as text.
    var scalarText: String? {
        switch self {
        case .null: "null"
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }
}

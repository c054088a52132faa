/// What a property's value may be, from the JSON schema: the subset of keywords that
/// CloudFormation's provider schemas use. A class, because schemas are recursive through
/// `$ref` (a WAF statement holds statements); built once per type and never changed after.
public final class ValueShape: @unchecked Sendable {
    public enum AdditionalProperties: Sendable {
        case allowed
        case forbidden
        case shape(ValueShape)
    }

    /// Empty: any type.
    public internal(set) var types: JSONType = .any
    /// `format: json`: an object, or a string holding JSON.
    public internal(set) var isJSON = false
    /// Allowed values as JSON text (`enum`, or `const` as one value).
    public internal(set) var allowedValues: [String]?
    public internal(set) var minLength: Int?
    public internal(set) var maxLength: Int?
    public internal(set) var pattern: String?
    public internal(set) var minimum: Double?
    public internal(set) var maximum: Double?
    public internal(set) var exclusiveMinimum: Double?
    public internal(set) var exclusiveMaximum: Double?
    public internal(set) var minItems: Int?
    public internal(set) var maxItems: Int?
    public internal(set) var uniqueItems = false
    public internal(set) var items: ValueShape?
    /// Shapes of the first items, position by position (DynamoDB's KeySchema: HASH, then RANGE).
    public internal(set) var prefixItems: [ValueShape] = []
    /// Declared properties in the schema's order.
    public internal(set) var properties: [(name: String, shape: ValueShape)] = []
    public internal(set) var required: [String] = []
    public internal(set) var additionalProperties: AdditionalProperties = .allowed
    public internal(set) var patternProperties: [(pattern: String, shape: ValueShape)] = []
    public internal(set) var minProperties: Int?
    public internal(set) var maxProperties: Int?
    public internal(set) var oneOf: [ValueShape] = []
    public internal(set) var anyOf: [ValueShape] = []
    public internal(set) var allOf: [ValueShape] = []

    init() {}

    public func property(_ name: String) -> ValueShape? {
        properties.first { $0.name == name }?.shape
    }
}

/// Turns a type's reduced schema into shapes, resolving `#/definitions/X` once per name.
struct ShapeBuilder {
    let schema: CatalogValue
    private var definitions: [String: CatalogValue] = [:]
    private final class Memo { var shapes: [String: ValueShape] = [:] }
    private let memo = Memo()

    init(schema: CatalogValue) {
        self.schema = schema
        for (name, value) in schema["definitions"]?.entries ?? [] { definitions[name] = value }
    }

    func root() -> ValueShape {
        var root = schema.entries.filter { $0.0 != "definitions" }
        if !root.contains(where: { $0.0 == "type" }) { root.append(("type", .string("object"))) }
        return shape(.object(root))
    }

    private func shape(_ node: CatalogValue) -> ValueShape {
        if let reference = node["$ref"]?.string {
            let target = definition(reference)
            // A $ref with keywords of its own is both: the definition and the keywords.
            guard node.entries.count > 1 else { return target }
            let combined = ValueShape()
            fill(combined, from: .object(node.entries.filter { $0.0 != "$ref" }))
            combined.allOf.append(target)
            return combined
        }
        let result = ValueShape()
        fill(result, from: node)
        return result
    }

    private func definition(_ reference: String) -> ValueShape {
        let name = reference.hasPrefix("#/definitions/") ? String(reference.dropFirst("#/definitions/".count)) : reference
        if let known = memo.shapes[name] { return known }
        let placeholder = ValueShape()
        memo.shapes[name] = placeholder
        if let node = definitions[name] {
            if let inner = node["$ref"]?.string, node.entries.count == 1 {
                placeholder.allOf = [definition(inner)]
            } else {
                fill(placeholder, from: node)
            }
        }
        return placeholder
    }

    private func fill(_ shape: ValueShape, from node: CatalogValue) {
        for (keyword, value) in node.entries {
            switch keyword {
            case "type":
                let names = value.string.map { [$0] } ?? value.strings
                shape.types = names.reduce(into: JSONType.any) { $0.formUnion(JSONType(schemaName: $1)) }
            case "format": shape.isJSON = value.string == "json"
            case "enum": shape.allowedValues = value.array.compactMap(\.scalarText)
            case "const": shape.allowedValues = value.scalarText.map { [$0] }
            case "minLength": shape.minLength = value.integer
            case "maxLength": shape.maxLength = value.integer
            case "pattern": shape.pattern = value.string
            case "minimum": shape.minimum = value.double
            case "maximum": shape.maximum = value.double
            case "exclusiveMinimum": shape.exclusiveMinimum = value.double
            case "exclusiveMaximum": shape.exclusiveMaximum = value.double
            case "minItems": shape.minItems = value.integer
            case "maxItems": shape.maxItems = value.integer
            case "uniqueItems": shape.uniqueItems = value.bool ?? false
            case "items":
                // A list of schemas (tuple form) is too rare in the schemas to check item by item.
                if case .object = value { shape.items = self.shape(value) }
            case "prefixItems": shape.prefixItems = value.array.map(self.shape)
            case "properties": shape.properties = value.entries.map { ($0.0, self.shape($0.1)) }
            case "required": shape.required = value.strings
            case "additionalProperties":
                switch value {
                case .boolean(false): shape.additionalProperties = .forbidden
                case .object: shape.additionalProperties = .shape(self.shape(value))
                default: shape.additionalProperties = .allowed
                }
            case "patternProperties": shape.patternProperties = value.entries.map { ($0.0, self.shape($0.1)) }
            case "minProperties": shape.minProperties = value.integer
            case "maxProperties": shape.maxProperties = value.integer
            case "oneOf": shape.oneOf = value.array.map(self.shape)
            case "anyOf": shape.anyOf = value.array.map(self.shape)
            case "allOf": shape.allOf = value.array.map(self.shape)
            default: break
            }
        }
    }
}

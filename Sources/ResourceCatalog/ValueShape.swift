import Synchronization

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
    /// Declared property names in the schema's order; each property's shape is built when it
    /// is first asked for (a template uses a few of a type's properties, and a synth pays
    /// for every shape it builds).
    public var propertyNames: [String] { declared?.names ?? [] }
    var declared: DeclaredProperties?
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
        declared?.shape(of: name)
    }

    /// Every declared property with its shape (builds them all).
    public var properties: [(name: String, shape: ValueShape)] {
        propertyNames.compactMap { name in property(name).map { (name, $0) } }
    }
}

/// The declared properties of one object shape, built one at a time on first use. The
/// type's build lock guards the builder's memo, so concurrent checks of one type are safe.
final class DeclaredProperties: @unchecked Sendable {
    let names: [String]
    private let nodes: [String: CatalogValue]
    private let builder: ShapeBuilder
    private var built: [String: ValueShape] = [:]

    init(_ entries: [(String, CatalogValue)], builder: ShapeBuilder) {
        names = entries.map(\.0)
        nodes = Dictionary(entries, uniquingKeysWith: { first, _ in first })
        self.builder = builder
    }

    func shape(of name: String) -> ValueShape? {
        builder.state.lock.withLock { _ in
            if let known = built[name] { return known }
            guard let node = nodes[name] else { return nil }
            let shape = builder.shape(node)
            built[name] = shape
            return shape
        }
    }
}

/// Turns a type's reduced schema into shapes, resolving `#/definitions/X` once per name.
/// Object shapes build their properties lazily (`DeclaredProperties`), under the type's lock.
struct ShapeBuilder: @unchecked Sendable {
    /// What every lazy build of one type shares: its definitions and their built shapes.
    final class State: @unchecked Sendable {
        let lock = Mutex<Void>(())
        var definitions: [String: CatalogValue] = [:]
        var memo: [String: ValueShape] = [:]
    }

    let schema: CatalogValue
    let state = State()

    init(schema: CatalogValue) {
        self.schema = schema
        for (name, value) in schema["definitions"]?.entries ?? [] { state.definitions[name] = value }
    }

    func root() -> ValueShape {
        var root = schema.entries.filter { $0.0 != "definitions" }
        if !root.contains(where: { $0.0 == "type" }) { root.append(("type", .string("object"))) }
        return state.lock.withLock { _ in shape(.object(root)) }
    }

    /// Called with the type's lock held.
    func shape(_ node: CatalogValue) -> ValueShape {
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
        if let known = state.memo[name] { return known }
        let placeholder = ValueShape()
        state.memo[name] = placeholder
        if let node = state.definitions[name] {
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
            case "properties": shape.declared = DeclaredProperties(value.entries, builder: self)
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

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
    public var types: JSONType { facts.types }
    /// `format: json`: an object, or a string holding JSON.
    public var isJSON: Bool { facts.isJSON }
    /// Allowed values as JSON text (`enum`, or `const` as one value).
    public var allowedValues: [String]? { facts.allowedValues }
    public var minLength: Int? { facts.minLength }
    public var maxLength: Int? { facts.maxLength }
    public var pattern: String? { facts.pattern }
    public var minimum: Double? { facts.minimum }
    public var maximum: Double? { facts.maximum }
    public var exclusiveMinimum: Double? { facts.exclusiveMinimum }
    public var exclusiveMaximum: Double? { facts.exclusiveMaximum }
    public var minItems: Int? { facts.minItems }
    public var maxItems: Int? { facts.maxItems }
    public var uniqueItems: Bool { facts.uniqueItems }
    public var items: ValueShape? { facts.items }
    /// Shapes of the first items, position by position (DynamoDB's KeySchema: HASH, then RANGE).
    public var prefixItems: [ValueShape] { facts.prefixItems }
    /// Declared property names in the schema's order; each property's shape is built when it
    /// is first asked for (a template uses a few of a type's properties, and a synth pays
    /// for every shape it builds).
    public var propertyNames: [String] { declared?.names ?? [] }
    @exclusivity(unchecked) var declared: DeclaredProperties?
    public var required: [String] { facts.required }
    public var additionalProperties: AdditionalProperties { facts.additionalProperties }
    public var patternProperties: [(pattern: String, shape: ValueShape)] { facts.patternProperties }
    public var minProperties: Int? { facts.minProperties }
    public var maxProperties: Int? { facts.maxProperties }
    public var oneOf: [ValueShape] { facts.oneOf }
    public var anyOf: [ValueShape] { facts.anyOf }
    public var allOf: [ValueShape] { facts.allOf }
    /// Whether a scalar here has anything to meet beyond its type (allowed values, lengths,
    /// a pattern, a range): one read, where checking every scalar read each of those.
    public var hasScalarLimits: Bool {
        facts.allowedValues != nil || facts.minLength != nil || facts.maxLength != nil || facts.pattern != nil
            || facts.minimum != nil || facts.maximum != nil || facts.exclusiveMinimum != nil || facts.exclusiveMaximum != nil
    }
    /// Whether allOf, anyOf or oneOf holds a shape: one read, where checking every value read
    /// the three lists (a retain and a release each).
    public var hasCombinators: Bool { !facts.allOf.isEmpty || !facts.anyOf.isEmpty || !facts.oneOf.isEmpty }

    /// The keywords' values, written only while the shape is built (under its type's build
    /// lock) and only read after. Stored once and read through the getters above, with
    /// Swift's run-time exclusivity checks off: checked on every read from another module,
    /// they were a sixth of checking a template against the catalog.
    struct Facts {
        var types: JSONType = .any
        var isJSON = false
        var allowedValues: [String]?
        var minLength: Int?
        var maxLength: Int?
        var pattern: String?
        var minimum: Double?
        var maximum: Double?
        var exclusiveMinimum: Double?
        var exclusiveMaximum: Double?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var items: ValueShape?
        var prefixItems: [ValueShape] = []
        var required: [String] = []
        var additionalProperties: AdditionalProperties = .allowed
        var patternProperties: [(pattern: String, shape: ValueShape)] = []
        var minProperties: Int?
        var maxProperties: Int?
        var oneOf: [ValueShape] = []
        var anyOf: [ValueShape] = []
        var allOf: [ValueShape] = []
    }

    @exclusivity(unchecked) var facts = Facts()

    /// `pattern` compiled on first use and kept here: looking it up by its text in
    /// `SchemaPattern`'s cache hashed the whole pattern at every value checked.
    private let compiled = Mutex<SchemaPattern?>(nil)

    /// The compiled `pattern`, nil when the shape has none.
    public var schemaPattern: SchemaPattern? {
        guard let pattern = facts.pattern else { return nil }
        return compiled.withLock { compiled in
            if let known = compiled { return known }
            let made = SchemaPattern.named(pattern)
            compiled = made
            return made
        }
    }

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
    private let nodes: [CatalogValue]
    /// Name -> position in `names` (the first, should a schema repeat a name).
    private let positions: NameTable
    private let builder: ShapeBuilder
    /// Read and written only under the type's build lock, so without run-time exclusivity
    /// checks (a sixth of a property look-up).
    @exclusivity(unchecked) private var built: [ValueShape?]

    init(_ entries: [(String, CatalogValue)], builder: ShapeBuilder) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        positions = NameTable(names)
        built = Array(repeating: nil, count: entries.count)
        self.builder = builder
    }

    func shape(of name: String) -> ValueShape? {
        guard let position = positions.position(of: name) else { return nil }
        return builder.state.lock.withLock { _ in
            if let known = built[position] { return known }
            let shape = builder.shape(nodes[position])
            built[position] = shape
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
        var memo: [String: ValueShape] = [:]
    }

    let schema: CatalogValue
    /// The schema's `definitions`, each read from the catalog when a `$ref` first names it.
    private let definitions: CatalogValue?
    let state = State()

    init(schema: CatalogValue) {
        self.schema = schema
        definitions = schema["definitions"]
    }

    func root() -> ValueShape {
        var root = schema.entries.filter { $0.0 != "definitions" }
        if !root.contains(where: { $0.0 == "type" }) { root.append(("type", .string("object"))) }
        return state.lock.withLock { _ in shape(.object(CatalogEntries(root))) }
    }

    /// Called with the type's lock held.
    func shape(_ node: CatalogValue) -> ValueShape {
        if let reference = node["$ref"]?.string {
            let target = definition(reference)
            // A $ref with keywords of its own is both: the definition and the keywords.
            guard node.entryCount > 1 else { return target }
            let combined = ValueShape()
            fill(combined, from: .object(CatalogEntries(node.entries.filter { $0.0 != "$ref" })))
            combined.facts.allOf.append(target)
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
        if let node = definitions?[name] {
            if let inner = node["$ref"]?.string, node.entryCount == 1 {
                placeholder.facts.allOf = [definition(inner)]
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
                shape.facts.types = names.reduce(into: JSONType.any) { $0.formUnion(JSONType(schemaName: $1)) }
            case "format": shape.facts.isJSON = value.string == "json"
            case "enum": shape.facts.allowedValues = value.array.compactMap(\.scalarText)
            case "const": shape.facts.allowedValues = value.scalarText.map { [$0] }
            case "minLength": shape.facts.minLength = value.integer
            case "maxLength": shape.facts.maxLength = value.integer
            case "pattern": shape.facts.pattern = value.string
            case "minimum": shape.facts.minimum = value.double
            case "maximum": shape.facts.maximum = value.double
            case "exclusiveMinimum": shape.facts.exclusiveMinimum = value.double
            case "exclusiveMaximum": shape.facts.exclusiveMaximum = value.double
            case "minItems": shape.facts.minItems = value.integer
            case "maxItems": shape.facts.maxItems = value.integer
            case "uniqueItems": shape.facts.uniqueItems = value.bool ?? false
            case "items":
                // A list of schemas (tuple form) is too rare in the schemas to check item by item.
                if case .object = value { shape.facts.items = self.shape(value) }
            case "prefixItems": shape.facts.prefixItems = value.array.map(self.shape)
            case "properties": shape.declared = DeclaredProperties(value.entries, builder: self)
            case "required": shape.facts.required = value.strings
            case "additionalProperties":
                switch value {
                case .boolean(false): shape.facts.additionalProperties = .forbidden
                case .object: shape.facts.additionalProperties = .shape(self.shape(value))
                default: shape.facts.additionalProperties = .allowed
                }
            case "patternProperties": shape.facts.patternProperties = value.entries.map { ($0.0, self.shape($0.1)) }
            case "minProperties": shape.facts.minProperties = value.integer
            case "maxProperties": shape.facts.maxProperties = value.integer
            case "oneOf": shape.facts.oneOf = value.array.map(self.shape)
            case "anyOf": shape.facts.anyOf = value.array.map(self.shape)
            case "allOf": shape.facts.allOf = value.array.map(self.shape)
            default: break
            }
        }
    }
}

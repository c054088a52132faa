/// One entry of the Parameters section, untyped.
public struct TemplateParameter: Hashable, Sendable {
    public var name: String
    public var type: String
    public var description: String?
    public var defaultValue: TemplateValue?
    public var allowedValues: [TemplateValue] = []
    public var allowedPattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: Double?
    public var maxValue: Double?
    public var noEcho = false
    public var constraintDescription: String?

    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// Number and List<Number> take MinValue/MaxValue; the string kinds take lengths and patterns.
    public var isNumeric: Bool { type == "Number" || type == "List<Number>" }
}

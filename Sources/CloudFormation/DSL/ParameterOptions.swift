/// A parameter's constraints and presentation. Which apply depends on the type: lengths
/// and patterns for strings, values for numbers; validation reports a mismatch.
public struct ParameterOptions: Sendable {
    public var description: String?
    public var defaultValue: TemplateValue?
    public var allowedValues: [TemplateValue]
    public var allowedPattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: Double?
    public var maxValue: Double?
    public var noEcho: Bool
    public var constraintDescription: String?

    public init(
        description: String? = nil,
        default defaultValue: TemplateValue? = nil,
        allowedValues: [TemplateValue] = [],
        allowedPattern: String? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minValue: Double? = nil,
        maxValue: Double? = nil,
        noEcho: Bool = false,
        constraintDescription: String? = nil
    ) {
        self.description = description
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
        self.noEcho = noEcho
        self.constraintDescription = constraintDescription
    }

    func definition(name: String, type: String) -> TemplateParameter {
        var parameter = TemplateParameter(name: name, type: type)
        parameter.description = description
        parameter.defaultValue = defaultValue
        parameter.allowedValues = allowedValues
        parameter.allowedPattern = allowedPattern
        parameter.minLength = minLength
        parameter.maxLength = maxLength
        parameter.minValue = minValue
        parameter.maxValue = maxValue
        parameter.noEcho = noEcho
        parameter.constraintDescription = constraintDescription
        return parameter
    }
}

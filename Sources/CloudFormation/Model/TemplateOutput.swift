/// One entry of the Outputs section.
public struct TemplateOutput: Hashable, Sendable {
    public var name: String
    public var value: TemplateValue
    public var description: String?
    public var exportName: TemplateValue?
    public var condition: String?

    public init(name: String, value: TemplateValue, description: String? = nil, exportName: TemplateValue? = nil, condition: String? = nil) {
        self.name = name
        self.value = value
        self.description = description
        self.exportName = exportName
        self.condition = condition
    }
}

/// A whole CloudFormation template: the model that synthesis produces, validation checks
/// and rendering turns into YAML. Sections render in CloudFormation's canonical order;
/// parameters, resources and outputs keep the order in which they were declared.
public struct Template: Hashable, Sendable {
    public static let formatVersion = "2010-09-09"

    public var description: String?
    public var metadata = Fields()
    public var parameters: [TemplateParameter] = []
    /// Mapping name -> top-level key -> second-level key -> value.
    public var mappings = Fields()
    /// Condition name -> condition expression.
    public var conditions = Fields()
    /// Macros such as `AWS::Serverless-2016-10-31`.
    public var transforms: [String] = []
    /// SAM's Globals section; only meaningful with the serverless transform.
    public var globals = Fields()
    public var resources: [TemplateResource] = []
    public var outputs: [TemplateOutput] = []

    public init() {}

    public func resource(_ logicalID: String) -> TemplateResource? {
        resources.first { $0.logicalID == logicalID }
    }
}

/// What a stack's build closure receives: it declares parameters, resources, conditions,
/// mappings and outputs, in the order they should appear.
public final class StackBuilder {
    public let name: String
    public var description: String?
    public let environment: Environment
    /// The flavors this stack renders in (CloudFormation, SAM or both).
    public let flavors: [Flavor]
    public var metadata = Fields()

    private(set) var parameters: [TemplateParameter] = []
    private(set) var resources: [Resource] = []
    private(set) var conditions: [(name: String, expression: ConditionExpression)] = []
    private(set) var mappings: [(name: String, entries: Fields)] = []
    private(set) var outputs: [TemplateOutput] = []

    init(name: String, description: String?, environment: Environment, flavors: [Flavor]) {
        self.name = name
        self.description = description
        self.environment = environment
        self.flavors = flavors
    }

    /// Declares a parameter and returns its Ref, typed by the parameter's type.
    public func parameter<Kind>(_ name: String, _ type: ParameterType<Kind>, _ options: ParameterOptions = ParameterOptions()) -> Value<Kind> {
        let definition = options.definition(name: name, type: type.name)
        parameters.append(definition)
        let longestAllowed = definition.allowedValues.isEmpty ? nil : definition.allowedValues.map { $0.literalString?.utf8.count ?? Int.max }.max()
        let maximumLength = [definition.maxLength, longestAllowed].compactMap { $0 }.filter { $0 != Int.max }.min()
        return Value(unchecked: .intrinsic(.ref(ReferenceTarget(name, owner: self.name, origin: .parameter(type: type.name, maximumLength: maximumLength)))))
    }

    /// Declares a parameter with a description (the common case).
    public func parameter<Kind>(_ name: String, _ type: ParameterType<Kind>, description: String) -> Value<Kind> {
        parameter(name, type, ParameterOptions(description: description))
    }

    /// Adds a resource (and its companions, such as a function's role) to the stack.
    @discardableResult
    public func add<R: Resource>(_ resource: R) -> R {
        register(resource)
        return resource
    }

    private func register(_ resource: Resource) {
        guard !resources.contains(where: { $0 === resource }) else { return }
        resource.stackName = name
        for companion in resource.companions {
            register(companion)
        }
        resources.append(resource)
    }

    public func condition(_ name: String, _ expression: ConditionExpression) -> ConditionRef {
        conditions.append((name, expression))
        return ConditionRef(name: name, owner: self.name)
    }

    /// Declares a mapping: top-level key -> second-level key -> value.
    public func mapping(_ name: String, _ entries: KeyValuePairs<String, KeyValuePairs<String, TemplateValue>>) -> MappingRef {
        var fields = Fields()
        for (topLevelKey, values) in entries {
            fields[topLevelKey] = .object(Fields(values.map { ($0.key, $0.value) }))
        }
        mappings.append((name, fields))
        return MappingRef(name: name, owner: self.name)
    }

    /// Declares an output, optionally exported under a name other stacks can import.
    public func output<Kind>(_ name: String, _ value: Value<Kind>, description: String? = nil, exportName: Value<String>? = nil, condition: ConditionRef? = nil) {
        outputs.append(TemplateOutput(name: name, value: value.raw, description: description, exportName: exportName?.raw, condition: condition?.name))
    }
}

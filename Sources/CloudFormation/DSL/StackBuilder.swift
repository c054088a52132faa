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
    /// The resources above, to tell in constant time whether one is added already (a stack
    /// of hundreds searched its whole list at every add).
    private var added: Set<ObjectIdentifier> = []
    private(set) var conditions: [(name: String, expression: ConditionExpression)] = []
    private(set) var mappings: [(name: String, entries: Fields)] = []
    private(set) var outputs: [TemplateOutput] = []
    /// The stack that holds this one as a nested stack; nil for a top-level stack.
    public private(set) weak var parent: StackBuilder?
    /// This stack's logical ID in its parent (its `AWS::CloudFormation::Stack` resource).
    public private(set) var logicalIDInParent: String?
    /// The nested stacks declared in this one, in order.
    public private(set) var nestedStacks: [NestedStack] = []

    init(name: String, description: String?, environment: Environment, flavors: [Flavor]) {
        self.name = name
        self.description = description
        self.environment = environment
        self.flavors = flavors
    }

    /// Declares a nested stack (`AWS::CloudFormation::Stack`) and builds it now. Its
    /// resources may refer to this stack's resources and parameters, and this stack (or a
    /// sibling) to its resources: synthesis turns each such reference into a parameter of the
    /// child, passed by the parent, or an output of the child, read by the parent with
    /// `Fn::GetAtt Child.Outputs.Name`. The child's template is written beside the parent's,
    /// as `<parent>.<LogicalID>.yaml`, and referred to by a relative `TemplateURL` that
    /// `aws cloudformation package` uploads.
    @discardableResult
    public func nested(_ logicalID: String, description: String? = nil, _ build: (StackBuilder) -> Void) -> NestedStack {
        let child = StackBuilder(name: "\(name)/\(logicalID)", description: description, environment: environment, flavors: flavors)
        child.parent = self
        child.logicalIDInParent = logicalID
        let resource = NestedStack(logicalID, child: child)
        nestedStacks.append(resource)
        register(resource)
        build(child)
        return resource
    }

    /// This stack and every stack nested in it, depth first, parents before children.
    public var selfAndDescendants: [StackBuilder] {
        [self] + nestedStacks.flatMap(\.child.selfAndDescendants)
    }

    /// How deep the stack is nested: 0 for a top-level stack.
    public var depth: Int { parent.map { $0.depth + 1 } ?? 0 }

    /// The top-level stack this one is nested in (itself when it is top-level).
    public var root: StackBuilder { parent?.root ?? self }

    /// The file name of the stack's template without the flavor suffix: `app.Queues.Batch`.
    public var fileStem: String { name.replacing("/", with: ".") }

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
        guard !added.contains(ObjectIdentifier(resource)) else { return }
        resource.stackName = name
        for companion in resource.companions {
            register(companion)
        }
        added.insert(ObjectIdentifier(resource))
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

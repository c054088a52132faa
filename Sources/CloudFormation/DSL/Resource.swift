/// A resource in a stack. Typed resources (a table, a function) subclass it and build their
/// properties from typed settings; `RawResource` is the escape hatch for any other type.
///
/// A class, because resources are wired together after they are made: a grant on a table
/// adds a statement to a function's role, and the role renders whatever it holds at synthesis.
open class Resource {
    public let logicalID: String
    public let type: String
    /// The stack the resource was added to; set by `StackBuilder.add`.
    public internal(set) var stackName: String?

    public var dependsOn: [Resource] = []
    public var condition: ConditionRef?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var metadata = Fields()
    private(set) var overrides: [PropertyOverride] = []

    /// True while `validate(rendered:in:)` checks exactly what `properties(in:)` returned: no
    /// override applied and no properties given by the caller. A resource that rendered them
    /// from a typed object may then check that object instead of decoding the rendering back.
    public private(set) var isValidatingOwnProperties = false

    public init(logicalID: String, type: String) {
        self.logicalID = logicalID
        self.type = type
    }

    /// The resources this one creates alongside itself (a function's role and log group).
    /// They are added to the stack with it, before it.
    open var companions: [Resource] { [] }

    /// The properties as CloudFormation reads them. Problems go to `context` as diagnostics.
    open func properties(in context: SynthesisContext) -> Fields { Fields() }

    /// Checks the properties as they will deploy: rendered, overrides applied. Checks on
    /// values an override can change belong here, so that the escape hatch is checked too.
    open func validate(rendered properties: Fields, in context: SynthesisContext) {}

    /// Adds this resource's entry to the template. Subclasses that render differently in a
    /// flavor (SAM) or that fold other resources into themselves override it.
    open func synthesize(in context: SynthesisContext) {
        context.add(definition(in: context))
    }

    /// The template entry: properties, the resource attributes, then any overrides; the
    /// result is checked by `validate(rendered:in:)`.
    public final func definition(in context: SynthesisContext, type overriddenType: String? = nil, properties overriddenProperties: Fields? = nil) -> TemplateResource {
        var properties = overriddenProperties ?? self.properties(in: context)
        for override in overrides {
            if let problem = override.apply(to: &properties) {
                context.error(self, path: "Properties.\(override.path)", problem)
            }
        }
        isValidatingOwnProperties = overriddenProperties == nil && overrides.isEmpty
        validate(rendered: properties, in: context)
        isValidatingOwnProperties = false
        return TemplateResource(
            logicalID: logicalID,
            type: overriddenType ?? type,
            properties: properties,
            dependsOn: dependsOn.map(\.logicalID),
            condition: condition?.name,
            deletionPolicy: deletionPolicy,
            updateReplacePolicy: updateReplacePolicy,
            metadata: metadata
        )
    }

    /// The resource's Ref value. What it resolves to depends on the type (a name, an ID);
    /// typed resources expose it under a meaningful name such as `table.name`.
    public var ref: Value<String> {
        Value(unchecked: .intrinsic(.ref(target)))
    }

    /// Sets a property by path after the typed model has rendered, like CDK's
    /// `addPropertyOverride`: `"StreamSpecification.StreamViewType"`, `"Tags.0.Value"`.
    public func addPropertyOverride(_ path: String, _ value: TemplateValue) {
        overrides.append(PropertyOverride(path: path, value: value))
    }

    /// Removes a property by path after the typed model has rendered.
    public func addPropertyDeletionOverride(_ path: String) {
        overrides.append(PropertyOverride(path: path, value: nil))
    }

    public func addDependency(on other: Resource) {
        if !dependsOn.contains(where: { $0 === other }) {
            dependsOn.append(other)
        }
    }

    /// The target of references to this resource, owned by its stack.
    public var target: ReferenceTarget {
        ReferenceTarget(logicalID, owner: stackName, origin: .resource(type: type))
    }

    /// An Fn::GetAtt by attribute name. Typed resources offer their attributes through
    /// `HasAttributes`; this is for them and for `RawResource`.
    package func getAtt<Kind>(_ attribute: String, as kind: Kind.Type = String.self) -> Value<Kind> {
        Value(unchecked: .intrinsic(.getAtt(target, attribute: attribute)))
    }
}

/// A resource type whose GetAtt attributes are listed as an enum, so that asking for an
/// attribute the type does not have does not compile.
public protocol HasAttributes: Resource {
    associatedtype Attribute: RawRepresentable where Attribute.RawValue == String
}

extension HasAttributes {
    public func attribute(_ attribute: Attribute) -> Value<String> {
        getAtt(attribute.rawValue, as: String.self)
    }

    public func listAttribute(_ attribute: Attribute) -> Value<[String]> {
        getAtt(attribute.rawValue, as: [String].self)
    }
}

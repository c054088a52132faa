/// A resource of any type, with properties given as untyped values: the escape hatch for
/// what `infra` does not model. It renders through the same model and validation.
public final class RawResource: Resource {
    public var rawProperties: Fields

    public init(_ logicalID: String, type: String, properties: Fields = Fields()) {
        self.rawProperties = properties
        super.init(logicalID: logicalID, type: type)
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        rawProperties
    }

    /// Any attribute by name: this type's attributes are not known to `infra`.
    public func attribute(_ name: String) -> Value<String> {
        getAtt(name)
    }
}

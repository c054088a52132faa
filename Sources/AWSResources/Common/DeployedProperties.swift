import CloudFormation

/// What a resource deploys, as its generated L1 type: the rendered properties, overrides
/// applied, decoded (`Cfn<Type>(_:decoding:)`). The domain rules of a hand-written resource
/// read this, so a value set through `addPropertyOverride` is checked by the same typed rules
/// as one set through the typed model, and a typed value an override replaced is not.
struct DeployedProperties<L1: DecodableResource> {
    let resource: L1
    private let properties: Fields
    private let context: SynthesisContext

    /// nil when a required property is missing or not of its shape: the catalog reports it,
    /// and there is no typed resource to check.
    init?(_ properties: Fields, of owner: Resource, in context: SynthesisContext) {
        guard let resource = L1(owner.logicalID, decoding: properties) else { return nil }
        self.init(resource: resource, properties: properties, context: context)
    }

    private init(resource: L1, properties: Fields, context: SynthesisContext) {
        self.resource = resource
        self.properties = properties
        self.context = context
    }

    /// What deploys, `model` itself when the properties checked are its own rendering
    /// (`Resource.isValidatingOwnProperties`: no override): decoding that rendering gives the
    /// same values back, since each generated `init(decoding:)` reads what the generated
    /// renderer writes, so it is not decoded. Debug builds (the tests) decode it anyway and
    /// check that the two agree.
    init?(_ properties: Fields, rendered model: L1?, of owner: Resource, in context: SynthesisContext) {
        guard let model, owner.isValidatingOwnProperties else {
            self.init(properties, of: owner, in: context)
            return
        }
        assert(L1(owner.logicalID, decoding: properties)?.properties(in: context) == model.properties(in: context),
               "\(owner.logicalID): the rendered properties do not decode to the typed resource they were rendered from")
        self.init(resource: model, properties: properties, context: context)
    }

    /// Every property decoded as written. When false, something is unknown before deploy (an
    /// `Fn::If` where an object goes) or of the wrong shape (which the catalog reports), so
    /// a rule that reports a missing property stays quiet: it may be there at deploy.
    /// Worked out when a rule asks (it renders the decoded resource again), not for every one.
    var isComplete: Bool {
        let again = resource.properties(in: context)
        return properties.entries.allSatisfy { again[$0.key] == $0.value }
    }
}

import AWSIAM
import CloudFormation

/// An IAM role (`AWS::IAM::Role`): a trust policy, managed policies by ARN and inline policies.
///
/// Grants (`table.grantReadData(role)`, `addToPolicy`) collect into one inline policy named
/// `defaultPolicyName`, rendered after the inline policies given explicitly. Keeping grants
/// inline (rather than in a separate `AWS::IAM::Policy`) means that whatever references the
/// role (a function, and through it an event-source mapping) is created only once the
/// permissions are in place.
public final class Role: Resource, HasAttributes, Grantee {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
        case roleID = "RoleId"
    }

    public var trustPolicy: PolicyDocument
    /// A fixed name, 1 to 64 of `[A-Za-z0-9+=,.@_-]`. Leave it nil to let CloudFormation
    /// generate one: a named role cannot be replaced without a rename, and IAM names are
    /// global to the account.
    public var roleName: Value<String>?
    /// At most 1000 characters.
    public var roleDescription: String?
    /// Starts and ends with `/`; at most 512 characters.
    public var path: String?
    /// Seconds, 3600 to 43200.
    public var maxSessionDuration: Int?
    public var permissionsBoundary: ManagedPolicy?
    public private(set) var managedPolicies: [ManagedPolicy]
    public private(set) var inlinePolicies: [InlinePolicy]
    /// The name of the inline policy that collects grants.
    public var defaultPolicyName: String
    public var tags: ResourceTags

    private var grantedStatements: [() -> PolicyStatement] = []
    /// The L1 object the properties were last rendered from, checked in place of decoding
    /// them back when no override changed them (`DeployedProperties`).
    private var renderedModel: CfnRole?
    /// The function that created this role for itself. In SAM flavor that function renders
    /// the role: folded into its `Policies`, or beside it when SAM cannot generate it.
    weak var createdFor: Function?

    /// A role that `principal` (usually a service, `.lambda`) may assume.
    public convenience init(
        _ logicalID: String,
        assumedBy principal: Principal,
        roleName: Value<String>? = nil,
        description: String? = nil,
        managedPolicies: [ManagedPolicy] = [],
        inlinePolicies: [InlinePolicy] = [],
        tags: ResourceTags = [:]
    ) {
        self.init(logicalID, trustPolicy: .trust(principal), roleName: roleName, description: description, managedPolicies: managedPolicies, inlinePolicies: inlinePolicies, tags: tags)
    }

    /// A role with a trust policy written out.
    public init(
        _ logicalID: String,
        trustPolicy: PolicyDocument,
        roleName: Value<String>? = nil,
        description: String? = nil,
        managedPolicies: [ManagedPolicy] = [],
        inlinePolicies: [InlinePolicy] = [],
        tags: ResourceTags = [:]
    ) {
        self.trustPolicy = trustPolicy
        self.roleName = roleName
        self.roleDescription = description
        self.managedPolicies = managedPolicies
        self.inlinePolicies = inlinePolicies
        self.defaultPolicyName = "\(logicalID)Policy"
        self.tags = tags
        super.init(logicalID: logicalID, type: "AWS::IAM::Role")
    }

    public var arn: Value<String> { attribute(.arn) }
    /// The role's name (its Ref).
    public var name: Value<String> { ref }

    public private(set) lazy var grantTarget = GrantTarget(role: self)

    /// Adds a statement to the role's default inline policy. Statements keep the order they
    /// were added in; one equal to an earlier one (Sid aside) is dropped; a Sid already used
    /// gets a numeric suffix, and a statement without one is given `Statement<n>`.
    public func addToPolicy(_ statement: PolicyStatement) {
        grantedStatements.append { statement }
    }

    func addToPolicy(deferred statement: @escaping () -> PolicyStatement) {
        grantedStatements.append(statement)
    }

    /// Attaches a managed policy once, in the order attached.
    public func addManagedPolicy(_ policy: ManagedPolicy) {
        if !managedPolicies.contains(policy) { managedPolicies.append(policy) }
    }

    public func addInlinePolicy(_ policy: InlinePolicy) {
        inlinePolicies.append(policy)
    }

    /// The default policy's statements as they render: what SAM rendering lists as a
    /// function's Policies.
    package var policyStatements: [PolicyStatement] {
        StatementList.merge(grantedStatements.map { $0() })
    }

    /// Every inline policy, the default one last.
    package var allInlinePolicies: [InlinePolicy] {
        let statements = policyStatements
        guard !statements.isEmpty else { return inlinePolicies }
        return inlinePolicies + [InlinePolicy(name: defaultPolicyName, document: PolicyDocument(statements))]
    }

    public override func synthesize(in context: SynthesisContext) {
        if context.flavor == .sam, let function = createdFor, function.stackName == stackName { return }
        super.synthesize(in: context)
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        let policies = allInlinePolicies
        validateModel(policies, in: context)
        let model = cfnRole(policies)
        renderedModel = model
        return Self.renderOrder.apply(to: model.properties(in: context))
    }

    /// The L1 role this one renders as, with these inline policies.
    private func cfnRole(_ policies: [InlinePolicy]) -> CfnRole {
        CfnRole(logicalID,
                assumeRolePolicyDocument: trustPolicy.rendered,
                description: roleDescription.map { Value($0) },
                managedPolicyArns: managedPolicies.isEmpty ? nil : Value(managedPolicies.map { $0.arn }),
                maxSessionDuration: maxSessionDuration.map { Value($0) },
                path: path.map { Value($0) },
                permissionsBoundary: permissionsBoundary?.arn,
                policies: policies.isEmpty ? nil : policies.map { CfnRole.Policy(policyDocument: $0.document.rendered, policyName: Value($0.name)) },
                roleName: roleName,
                tags: tags.typed())
    }

    /// The order this resource has always written its properties in (see `RenderOrder`).
    private static let renderOrder = RenderOrder([
        "AssumeRolePolicyDocument", "RoleName", "Description", "Path", "MaxSessionDuration",
        "PermissionsBoundary", "ManagedPolicyArns", "Policies", "Tags",
    ], nested: ["Policies": RenderOrder(["PolicyName", "PolicyDocument"])])

    /// The policy documents are typed, so they are checked on the model.
    private func validateModel(_ policies: [InlinePolicy], in context: SynthesisContext) {
        trustPolicy.validate(as: .trust, of: self, at: .properties / "AssumeRolePolicyDocument", in: context)
        // Compared in turn: a role has a handful of inline policies (IAM's size quota).
        var names: [String] = []
        names.reserveCapacity(policies.count)
        for (index, policy) in policies.enumerated() {
            let path = PropertyPath.properties.key("Policies").index(index)
            if names.contains(policy.name) {
                context.error(self, at: path.key("PolicyName"), "two inline policies are named '\(Diagnostic.abbreviated(policy.name))'")
            } else {
                names.append(policy.name)
            }
            NameRules.check(policy.name, kind: "policy name", length: 1...128, characters: "[A-Za-z0-9+=,.@_-]", allowed: NameRules.isIAMNameCharacter, allowedASCII: NameRules.isIAMNameByte, of: self, at: path.key("PolicyName"), in: context)
            policy.document.validate(as: .identity, of: self, at: path.key("PolicyDocument"), in: context)
        }
    }

    /// The rules run on what deploys: the rendered properties, overrides applied, as a `CfnRole`.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        defer { renderedModel = nil }
        guard let deployed = DeployedProperties<CfnRole>(properties, rendered: renderedModel, of: self, in: context)?.resource else { return }
        // Name, description, session duration and the path's length are checked from the
        // catalog; its pattern is anchored only at one end each way, so it accepts '/service'.
        if let path = deployed.path?.literal, !path.hasPrefix("/") || !path.hasSuffix("/") {
            context.error(self, at: PropertyPath.properties / "Path", "role path '\(Diagnostic.abbreviated(path))' must start and end with '/'")
        }
        ResourceTags.validate(deployed.tags, of: self, in: context)
    }
}

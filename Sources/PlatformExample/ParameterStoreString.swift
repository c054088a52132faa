import AWSSSM
import CloudFormation

/// A Parameter Store `String` parameter (`AWS::SSM::Parameter`) whose name is checked against
/// Parameter Store's naming rules before anything deploys, and whose value is a typed
/// `Value<String>`: a literal, or a reference such as `vpc.ref`.
///
/// A hand-written resource over the generated L1 class: `CfnParameter` renders the
/// properties, so the property names come from the schema, and this type adds only the
/// defaults and the rules CloudFormation's schema does not state (it has no pattern for Name).
public final class ParameterStoreString: Resource, HasAttributes {
    public typealias Attribute = CfnParameter.Attribute

    /// Standard-tier values are at most 4 KB (Parameter Store quotas).
    public static let maximumValueBytes = 4_096
    /// Names are at most 1,011 characters (2,048 with the 1,037 of the ARN around them).
    public static let maximumNameLength = 1_011
    /// A hierarchy is at most 15 levels deep.
    public static let maximumDepth = 15

    /// The fully qualified name, `/cruddur/platform/vpc-id`: a Swift string, so it is checked here.
    public let parameterName: String
    public let value: Value<String>
    public let parameterDescription: String?

    public init(_ logicalID: String, name: String, value: Value<String>, description: String? = nil) {
        self.parameterName = name
        self.value = value
        self.parameterDescription = description
        super.init(logicalID: logicalID, type: "AWS::SSM::Parameter")
    }

    /// The parameter's name (its Ref), to give to whoever reads it.
    public var name: Value<String> { ref }
    public var arn: Value<String> { attribute(.arn) }

    public override func properties(in context: SynthesisContext) -> Fields {
        for problem in Self.problems(withName: parameterName) {
            context.error(self, path: "Properties.Name", problem)
        }
        if case .string(let literal) = value.raw {
            if literal.isEmpty {
                context.error(self, path: "Properties.Value", "a String parameter needs a value; Parameter Store refuses an empty one")
            } else if literal.utf8.count > Self.maximumValueBytes {
                context.error(self, path: "Properties.Value", "the value has \(literal.utf8.count) bytes; a Standard parameter holds at most \(Self.maximumValueBytes)")
            }
        }
        return CfnParameter(logicalID, parameterType: .string, value: value,
            description: parameterDescription.map { Value($0) }, name: Value(parameterName), tier: .standard)
            .properties(in: context)
    }

    /// What is wrong with a name, by Parameter Store's rules (PutParameter's Name):
    /// `[a-zA-Z0-9_.-]` with `/` between levels, a leading `/` when it has levels, no `aws` or
    /// `ssm` prefix (any case), at most 15 levels and 1,011 characters.
    public static func problems(withName name: String) -> [String] {
        let shown = Diagnostic.abbreviated(name)
        guard !name.isEmpty else { return ["the parameter name is empty"] }
        var problems: [String] = []
        if name.count > maximumNameLength {
            problems.append("the parameter name '\(shown)' has \(name.count) characters; the limit is \(maximumNameLength)")
        }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "_.-/".contains($0))) }) {
            problems.append("the parameter name '\(shown)' contains '\(bad)'; only [a-zA-Z0-9_.-] and / between levels are allowed")
        }
        let levels = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.contains("/") {
            if !name.hasPrefix("/") {
                problems.append("the parameter name '\(shown)' has levels, so it must start with '/'")
            }
            if levels.dropFirst().contains(where: \.isEmpty) {
                problems.append("the parameter name '\(shown)' has an empty level ('//' or a trailing '/')")
            }
            if levels.count - 1 > maximumDepth {
                problems.append("the parameter name '\(shown)' is \(levels.count - 1) levels deep; the limit is \(maximumDepth)")
            }
        }
        let first = (name.hasPrefix("/") ? levels.dropFirst().first : levels.first).map { $0.lowercased() } ?? ""
        if let reserved = ["aws", "ssm"].first(where: { first.hasPrefix($0) }) {
            problems.append("the parameter name '\(shown)' starts with '\(reserved)', which Parameter Store reserves (in any case)")
        }
        return problems
    }
}

import JSONText
import ResourceCatalog

/// How a synthesized stack is deployed: its parameter file and the exact
/// `aws cloudformation deploy` command, so that nobody has to work out capabilities or
/// parameter spellings by hand.
public struct DeployCommand: Hashable, Sendable {
    public let stackName: String
    public let templatePath: String
    public let parameterFilePath: String
    public let region: String?
    public let capabilities: [String]
    /// Parameters without a default that the environment gives no value for.
    public let missingParameters: [String]
    /// `Key=Value` for each parameter the environment gives a value for, in template order.
    public let parameterOverrides: [String]

    /// - Parameters:
    ///   - outDirectory: how out/ is spelled in the printed command, e.g. `out`.
    public init(template: Template, deployedName: String, environment: Environment, templatePath: String, parameterFilePath: String) {
        stackName = deployedName
        self.templatePath = templatePath
        self.parameterFilePath = parameterFilePath
        region = environment.region
        capabilities = Self.capabilities(of: template)
        parameterOverrides = template.parameters.compactMap { parameter in
            environment.parameters[parameter.name].map { "\(parameter.name)=\($0)" }
        }
        missingParameters = template.parameters
            .filter { $0.defaultValue == nil && environment.parameters[$0.name] == nil }
            .map(\.name)
    }

    /// IAM resources need CAPABILITY_IAM, named ones CAPABILITY_NAMED_IAM (which types, and
    /// which name makes them named, is the catalog's); a transform (SAM) needs CAPABILITY_AUTO_EXPAND.
    static func capabilities(of template: Template) -> [String] {
        var capabilities: [String] = []
        let iam = template.resources.compactMap { resource in
            ResourceCatalog.type(named: resource.type).flatMap { $0.needsIAMCapability ? (resource, $0) : nil }
        }
        // SAM creates a role for each function that has no Role of its own.
        let samRoles = template.resources.contains { $0.type == SAMFunctionCatalog.typeName && $0.properties["Role"] == nil }
        if iam.contains(where: { resource, type in type.iamNameProperty.map { resource.properties[$0] != nil } ?? false }) {
            capabilities.append("CAPABILITY_NAMED_IAM")
        } else if !iam.isEmpty || samRoles {
            capabilities.append("CAPABILITY_IAM")
        }
        if !template.transforms.isEmpty {
            capabilities.append("CAPABILITY_AUTO_EXPAND")
        }
        return capabilities
    }

    /// The parameter file's contents: a JSON list of `Key=Value` strings, the form both
    /// awscli v1 and v2 accept as `--parameter-overrides file://...`.
    public var parameterFile: String {
        guard !parameterOverrides.isEmpty else { return "[]\n" }
        return "[\n" + parameterOverrides.map { "  " + JSONText.quoted($0) }.joined(separator: ",\n") + "\n]\n"
    }

    /// The command, one option per line. Parameters the environment does not give are
    /// shown as `Name=<Name>` for the person deploying to fill in.
    public var shellCommand: String {
        var lines = ["aws cloudformation deploy", "--stack-name \(stackName)", "--template-file \(templatePath)"]
        if let region { lines.append("--region \(region)") }
        if !capabilities.isEmpty { lines.append("--capabilities \(capabilities.joined(separator: " "))") }
        if missingParameters.isEmpty {
            if !parameterOverrides.isEmpty { lines.append("--parameter-overrides file://\(parameterFilePath)") }
        } else {
            let given = parameterOverrides.map(Self.shellQuote)
            let missing = missingParameters.map { "\($0)=<\($0)>" }
            lines.append("--parameter-overrides " + (given + missing).joined(separator: " "))
        }
        return lines.joined(separator: " \\\n    ")
    }


    private static func shellQuote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "=-_.,/:@".unicodeScalars.contains($0) }
        return safe ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }
}

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
    /// How the template is packaged first, when it refers to local files or is too large
    /// for a request body; nil when `aws cloudformation deploy` takes it as it is.
    public let packaging: Packaging?

    /// `aws cloudformation package` (when the template has local code or nested stacks) and
    /// `deploy --s3-bucket` (always then, and for a template over 51,200 bytes).
    public struct Packaging: Hashable, Sendable {
        /// nil: printed as `<artifact-bucket>` for the person deploying to fill in.
        public let bucket: String?
        /// Where `package` writes the template with S3 locations (under `.infra-build/`);
        /// nil when there is nothing to package, only a large template to upload.
        public let packagedTemplatePath: String?
        /// Code folders to build (dependencies installed) before packaging.
        public let builds: [AssetBuild]

        public init(bucket: String?, packagedTemplatePath: String?, builds: [AssetBuild]) {
            self.bucket = bucket
            self.packagedTemplatePath = packagedTemplatePath
            self.builds = builds
        }
    }

    /// - Parameters:
    ///   - outDirectory: how out/ is spelled in the printed command, e.g. `out`.
    ///   - nestedTemplates: the templates of the stacks nested in it, at any depth: their
    ///     capabilities are the deployed stack's too.
    public init(template: Template, deployedName: String, environment: Environment, templatePath: String, parameterFilePath: String,
                nestedTemplates: [Template] = [], packaging: Packaging? = nil) {
        stackName = deployedName
        self.templatePath = templatePath
        self.parameterFilePath = parameterFilePath
        self.packaging = packaging
        region = environment.region
        capabilities = Self.capabilities(of: [template] + nestedTemplates)
        parameterOverrides = template.parameters.compactMap { parameter in
            environment.parameters[parameter.name].map { "\(parameter.name)=\($0)" }
        }
        missingParameters = template.parameters
            .filter { $0.defaultValue == nil && environment.parameters[$0.name] == nil }
            .map(\.name)
    }

    /// IAM resources need CAPABILITY_IAM, named ones CAPABILITY_NAMED_IAM (which types, and
    /// which name makes them named, is the catalog's); a transform (SAM) needs CAPABILITY_AUTO_EXPAND.
    static func capabilities(of templates: [Template]) -> [String] {
        var capabilities: [String] = []
        let resources = templates.flatMap(\.resources)
        let iam = resources.compactMap { resource in
            ResourceCatalog.type(named: resource.type).flatMap { $0.needsIAMCapability ? (resource, $0) : nil }
        }
        // SAM creates a role for each function that has no Role of its own.
        let samRoles = resources.contains { $0.type == SAMFunctionCatalog.typeName && $0.properties["Role"] == nil }
        if iam.contains(where: { resource, type in type.iamNameProperty.map { resource.properties[$0] != nil } ?? false }) {
            capabilities.append("CAPABILITY_NAMED_IAM")
        } else if !iam.isEmpty || samRoles {
            capabilities.append("CAPABILITY_IAM")
        }
        if templates.contains(where: { !$0.transforms.isEmpty }) {
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
        var commands: [String] = []
        var deployedTemplate = templatePath
        let bucket = packaging.map { $0.bucket ?? "<artifact-bucket>" }
        if let packaging, let bucket {
            for build in packaging.builds {
                commands.append("# build \(build.source) with its dependencies into \(build.output) (git ignores \(AssetBuild.root)/)")
                commands += build.shellCommands
            }
            if let packaged = packaging.packagedTemplatePath {
                // package does not create the folder of its output file.
                let folder = packaged.split(separator: "/").dropLast().joined(separator: "/")
                if !folder.isEmpty { commands.append("mkdir -p \(folder)") }
                var package = ["aws cloudformation package", "--template-file \(templatePath)", "--s3-bucket \(bucket)", "--output-template-file \(packaged)"]
                if let region { package.append("--region \(region)") }
                commands.append(package.joined(separator: " \\\n    "))
                deployedTemplate = packaged
            }
        }
        var lines = ["aws cloudformation deploy", "--stack-name \(stackName)", "--template-file \(deployedTemplate)"]
        if let bucket { lines.append("--s3-bucket \(bucket)") }
        if let region { lines.append("--region \(region)") }
        if !capabilities.isEmpty { lines.append("--capabilities \(capabilities.joined(separator: " "))") }
        if missingParameters.isEmpty {
            if !parameterOverrides.isEmpty { lines.append("--parameter-overrides file://\(parameterFilePath)") }
        } else {
            let given = parameterOverrides.map(Self.shellQuote)
            let missing = missingParameters.map { "\($0)=<\($0)>" }
            lines.append("--parameter-overrides " + (given + missing).joined(separator: " "))
        }
        commands.append(lines.joined(separator: " \\\n    "))
        return commands.joined(separator: "\n")
    }


    private static func shellQuote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "=-_.,/:@".unicodeScalars.contains($0) }
        return safe ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }
}

/// A deployment environment (dev, prod): where a stack goes and the settings it reads.
/// One definition serves every environment; what differs lives here.
public struct Environment: Hashable, Sendable {
    public let name: String
    public let region: String?
    /// Appended to stack names (and, by stacks that choose to, to resource names), so that
    /// environments can share an account: `cruddur-messaging` + `-dev`.
    public let nameSuffix: String
    /// Settings the stacks read while they are built, e.g. capacities.
    public let settings: [String: String]
    /// Deploy-time values of stack parameters, by parameter name: written to each stack's
    /// parameter file for `aws cloudformation deploy --parameter-overrides`.
    public let parameters: [String: String]
    /// The S3 bucket that `aws cloudformation package` uploads code and nested templates to
    /// (and `deploy --s3-bucket` a large template); printed as `<artifact-bucket>` when nil.
    public var artifactBucket: String?

    public init(_ name: String, region: String? = nil, nameSuffix: String = "", settings: [String: String] = [:], parameters: [String: String] = [:], artifactBucket: String? = nil) {
        self.artifactBucket = artifactBucket
        self.name = name
        self.region = region
        self.nameSuffix = nameSuffix
        self.settings = settings
        self.parameters = parameters
    }

    public subscript(setting: String) -> String? { settings[setting] }

    /// An integer setting, or the fallback when it is absent or not a number.
    public func integer(_ setting: String, default fallback: Int) -> Int {
        settings[setting].flatMap { Int($0) } ?? fallback
    }

    /// The name a stack is deployed under in this environment.
    public func deployedName(of stack: String) -> String {
        stack + nameSuffix
    }

    /// The environment of an app that declares none.
    public static let `default` = Environment("default")
}

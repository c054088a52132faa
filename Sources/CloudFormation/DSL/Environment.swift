/// A deployment environment (dev, prod): where a stack goes and the settings it reads.
/// One definition serves every environment; what differs lives here.
public struct Environment: Hashable, Sendable {
    public let name: String
    public let region: String?
    /// Settings the stacks read, e.g. capacities or a name suffix.
    public let settings: [String: String]

    public init(_ name: String, region: String? = nil, settings: [String: String] = [:]) {
        self.name = name
        self.region = region
        self.settings = settings
    }

    public subscript(setting: String) -> String? { settings[setting] }

    /// The environment of an app that declares none.
    public static let `default` = Environment("default")
}

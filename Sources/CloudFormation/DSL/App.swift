/// An application: the stacks that `infra` synthesizes, and the environments they deploy to.
public struct App: Sendable {
    public let name: String
    public let stacks: [Stack]
    public let environments: [Environment]
    public let defaultEnvironment: String?

    public init(_ name: String, environments: [Environment] = [], defaultEnvironment: String? = nil, stacks: [Stack]) {
        self.name = name
        self.stacks = stacks
        self.environments = environments
        self.defaultEnvironment = defaultEnvironment ?? environments.first?.name
    }

    public func stack(named name: String) -> Stack? {
        stacks.first { $0.name == name }
    }

    public func environment(named name: String?) -> Environment? {
        guard let name = name ?? defaultEnvironment else { return environments.isEmpty ? .default : nil }
        return environments.first { $0.name == name }
    }
}

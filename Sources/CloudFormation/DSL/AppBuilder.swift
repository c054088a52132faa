/// What an app's build closure receives: it declares stacks, which may share resources.
public final class AppBuilder {
    public let app: String
    public let environment: Environment
    public private(set) var stacks: [StackBuilder] = []

    init(app: String, environment: Environment) {
        self.app = app
        self.environment = environment
    }

    /// Declares a stack and returns its builder.
    public func stack(_ name: String, description: String? = nil, flavors: [Flavor] = [.cloudFormation]) -> StackBuilder {
        let stack = StackBuilder(name: name, description: description, environment: environment, flavors: flavors)
        stacks.append(stack)
        return stack
    }

    public func stack(named name: String) -> StackBuilder? {
        stacks.first { $0.name == name }
    }
}

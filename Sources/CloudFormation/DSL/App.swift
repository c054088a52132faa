/// An application: the stacks that `infra` synthesizes, and the environments they deploy to.
///
/// Stacks are built by code that runs at synthesis, once per environment, so one definition
/// serves every environment. Two ways to write it:
///
///     App("cruddur", stacks: [messaging])            // independent stacks
///     App("cruddur") { app in                         // stacks that share resources
///         let data = app.stack("cruddur-data")
///         let table = data.add(Table(...))
///         let processing = app.stack("cruddur-processing")
///         processing.add(Function(...)).trigger(on: table.stream, ...)   // becomes an export and an import
///     }
public struct App: Sendable {
    public let name: String
    public let environments: [Environment]
    public let defaultEnvironment: String?
    let build: @Sendable (AppBuilder) -> Void

    public init(_ name: String, environments: [Environment] = [], defaultEnvironment: String? = nil, build: @escaping @Sendable (AppBuilder) -> Void) {
        self.name = name
        self.environments = environments
        self.defaultEnvironment = defaultEnvironment ?? environments.first?.name
        self.build = build
    }

    public init(_ name: String, environments: [Environment] = [], defaultEnvironment: String? = nil, stacks: [Stack]) {
        self.init(name, environments: environments, defaultEnvironment: defaultEnvironment) { app in
            for stack in stacks {
                stack.build(app.stack(stack.name, description: stack.description, flavors: stack.flavors))
            }
        }
    }

    /// The environment of the given name, or the default one when `name` is nil. An app
    /// that declares no environments has the single environment `Environment.default`.
    public func environment(named name: String?) -> Environment? {
        if environments.isEmpty {
            return name == nil || name == Environment.default.name ? .default : nil
        }
        guard let name = name ?? defaultEnvironment else { return nil }
        return environments.first { $0.name == name }
    }

    /// Every environment, the default first.
    public var allEnvironments: [Environment] {
        guard !environments.isEmpty else { return [.default] }
        let defaultName = defaultEnvironment
        return environments.filter { $0.name == defaultName } + environments.filter { $0.name != defaultName }
    }

    /// Builds the app's stacks for an environment.
    public func instantiate(in environment: Environment) -> AppBuilder {
        let builder = AppBuilder(app: name, environment: environment)
        build(builder)
        return builder
    }

    public func isDefault(_ environment: Environment) -> Bool {
        environments.isEmpty || environment.name == defaultEnvironment
    }
}

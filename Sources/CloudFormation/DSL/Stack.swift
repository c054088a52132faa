/// A stack's definition on its own: its name and the code that builds it. Building is
/// deferred to synthesis, so every run (and every environment) starts from a fresh model.
/// Stacks that share resources are declared together in `App`'s build closure instead.
public struct Stack: Sendable {
    public let name: String
    public let description: String?
    /// The flavors rendered to out/, e.g. `[.cloudFormation, .sam]`.
    public let flavors: [Flavor]
    let build: @Sendable (StackBuilder) -> Void

    public init(
        _ name: String,
        description: String? = nil,
        flavors: [Flavor] = [.cloudFormation],
        _ build: @escaping @Sendable (StackBuilder) -> Void
    ) {
        self.name = name
        self.description = description
        self.flavors = flavors
        self.build = build
    }
}

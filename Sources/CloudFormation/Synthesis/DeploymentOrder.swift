/// The order in which an app's stacks must deploy: a producer of exports before every
/// consumer. Declaration order breaks ties, so the order is stable.
enum DeploymentOrder {
    /// The ordered stack names, and the stacks on a cycle (which no order satisfies).
    static func order(_ stacks: [String], dependencies: [String: [String]]) -> (order: [String], cycle: [String]?) {
        var order: [String] = []
        var placed = Set<String>()
        var remaining = stacks
        while !remaining.isEmpty {
            guard let next = remaining.first(where: { stack in
                (dependencies[stack] ?? []).allSatisfy { placed.contains($0) || !stacks.contains($0) }
            }) else {
                return (order + remaining, remaining)
            }
            order.append(next)
            placed.insert(next)
            remaining.removeAll { $0 == next }
        }
        return (order, nil)
    }
}

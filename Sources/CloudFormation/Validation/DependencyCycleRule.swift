/// CloudFormation orders resources by DependsOn and by the references between them, and
/// rejects a template whose order has a cycle. This finds each cycle and names it.
struct DependencyCycleRule: ValidationRule {
    /// The template's intrinsic uses, found once for every rule that reads them.
    let uses: TemplateUses

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // Duplicate IDs are LogicalIDRule's to report; here the first declaration counts.
        var ids: [String] = []
        var declared = Set<String>()
        for resource in template.resources where declared.insert(resource.logicalID).inserted { ids.append(resource.logicalID) }
        // A name that is also a parameter resolves to the parameter in a Ref, so it is not an edge.
        let known = declared.subtracting(template.parameters.map(\.name))
        var edges: [String: [String]] = [:]
        let referenced = uses.referencedIDs
        for (resource, element) in zip(template.resources, uses.resourceProperties) {
            let targets = resource.dependsOn + referenced[element]
            var seen = Set<String>()
            edges[resource.logicalID, default: []] += targets.filter { known.contains($0) && seen.insert($0).inserted }
        }

        // Depth-first search with colours; each back edge closes one cycle.
        enum Colour { case white, grey, black }
        var colour = Dictionary(ids.map { ($0, Colour.white) }, uniquingKeysWith: { first, _ in first })
        var stackPath: [String] = []
        var reported = Set<Set<String>>()

        func visit(_ node: String) {
            colour[node] = .grey
            stackPath.append(node)
            for next in edges[node] ?? [] {
                switch colour[next] ?? .black {
                case .white:
                    visit(next)
                case .grey:
                    guard let start = stackPath.firstIndex(of: next) else { continue }
                    let cycle = Array(stackPath[start...])
                    if reported.insert(Set(cycle)).inserted {
                        let description = (cycle + [next]).joined(separator: " -> ")
                        diagnostics.append(Diagnostic(.error, stack: stack, element: next, path: "DependsOn",
                                                      "circular dependency: \(description)"))
                    }
                case .black:
                    break
                }
            }
            stackPath.removeLast()
            colour[node] = .black
        }
        for id in ids where colour[id] == .white {
            visit(id)
        }
    }
}

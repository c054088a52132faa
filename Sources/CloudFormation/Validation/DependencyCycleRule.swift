/// CloudFormation orders resources by DependsOn and by the references between them, and
/// rejects a template whose order has a cycle. This finds each cycle and names it.
struct DependencyCycleRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // Duplicate IDs are LogicalIDRule's to report; here the first declaration counts.
        var ids: [String] = []
        for id in template.resources.map(\.logicalID) where !ids.contains(id) { ids.append(id) }
        // A name that is also a parameter resolves to the parameter in a Ref, so it is not an edge.
        let known = Set(ids).subtracting(template.parameters.map(\.name))
        var edges: [String: [String]] = [:]
        for resource in template.resources {
            var targets = resource.dependsOn
            ValueWalker.walk(.object(resource.properties), path: "") { use, _ in
                switch use {
                case .ref(let target), .getAtt(let target, _), .subReference(let target, _), .subAttribute(let target, _):
                    targets.append(target.logicalID)
                default: break
                }
            }
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

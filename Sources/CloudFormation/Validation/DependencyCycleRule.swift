import ResourceCatalog

/// CloudFormation orders resources by DependsOn and by the references between them, and
/// rejects a template whose order has a cycle. This finds each cycle and names it.
struct DependencyCycleRule: ValidationRule {
    /// The template's intrinsic uses, found once for every rule that reads them.
    let uses: TemplateUses

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // Resources are numbered in declaration order, and the search runs on the numbers:
        // keying sets and dictionaries by logical ID hashed every ID several times.
        // Duplicate IDs are LogicalIDRule's to report; here the first declaration counts.
        // The table keeps the first of repeated IDs, so its positions number the first declarations.
        let declared = NameTable(template.resources.map(\.logicalID))
        var ids: [String] = []
        var numberOfPosition = Array(repeating: -1, count: template.resources.count)
        for (position, resource) in template.resources.enumerated() where declared.position(of: resource.logicalID) == position {
            numberOfPosition[position] = ids.count
            ids.append(resource.logicalID)
        }
        func number(_ name: String) -> Int? { declared.position(of: name).map { numberOfPosition[$0] } }
        // A name that is also a parameter resolves to the parameter in a Ref, so it is not an edge.
        var isTarget = Array(repeating: true, count: ids.count)
        for parameter in template.parameters {
            if let index = number(parameter.name) { isTarget[index] = false }
        }
        func target(_ name: String) -> Int? {
            guard let index = number(name), isTarget[index] else { return nil }
            return index
        }
        var referenced = Array(repeating: [Int](), count: uses.elements.count)
        for position in uses.found.indices {
            switch uses.found[position].use {
            case .ref(let reference), .getAtt(let reference, _), .subReference(let reference, _), .subAttribute(let reference, _):
                if let index = target(reference.logicalID) { referenced[uses.found[position].element].append(index) }
            case .condition, .mapping, .intrinsic:
                break
            }
        }
        // Each resource's edges: DependsOn, then its references, each target once per resource
        // (`addedBy` holds the resource that last added a target).
        var edges = Array(repeating: [Int](), count: ids.count)
        var addedBy = Array(repeating: -1, count: ids.count)
        for (ordinal, (resource, element)) in zip(template.resources, uses.resourceProperties).enumerated() {
            guard let from = number(resource.logicalID) else { continue }
            func add(_ index: Int) {
                if addedBy[index] != ordinal {
                    addedBy[index] = ordinal
                    edges[from].append(index)
                }
            }
            for dependency in resource.dependsOn {
                if let index = target(dependency) { add(index) }
            }
            for index in referenced[element] { add(index) }
        }

        // Depth-first search with colours; each back edge closes one cycle.
        enum Colour { case white, grey, black }
        var colour = Array(repeating: Colour.white, count: ids.count)
        var stackPath: [Int] = []
        var reported = Set<Set<String>>()

        func visit(_ node: Int) {
            colour[node] = .grey
            stackPath.append(node)
            for next in edges[node] {
                switch colour[next] {
                case .white:
                    visit(next)
                case .grey:
                    guard let start = stackPath.firstIndex(of: next) else { continue }
                    let cycle = stackPath[start...].map { ids[$0] }
                    if reported.insert(Set(cycle)).inserted {
                        let description = (cycle + [ids[next]]).joined(separator: " -> ")
                        diagnostics.append(Diagnostic(.error, stack: stack, element: ids[next], path: "DependsOn",
                                                      "circular dependency: \(description)"))
                    }
                case .black:
                    break
                }
            }
            stackPath.removeLast()
            colour[node] = .black
        }
        for node in ids.indices where colour[node] == .white {
            visit(node)
        }
    }
}

import ResourceCatalog

/// Every Ref, GetAtt, Sub variable, condition and mapping name must point at something
/// declared in this stack, and a GetAtt at an attribute its type has (the catalog's); a
/// reference to another stack's resource is named as such.
struct ReferenceRule: ValidationRule {
    /// Logical ID -> stack, for the app's other stacks: a by-name reference to one of their
    /// resources is told where that resource is.
    var elsewhere: [String: String] = [:]
    /// The template's intrinsic uses, found once for every rule that reads them.
    let uses: TemplateUses

    /// What to add to "not a resource of this stack" when another stack has the resource,
    /// or when the reference was made from a resource object that no stack was given.
    private func hint(_ name: String, _ target: ReferenceTarget? = nil) -> String {
        if let owner = elsewhere[name] {
            return "; '\(Diagnostic.abbreviated(name))' is a resource of stack '\(owner)': refer to it through its typed value (e.g. `table.arn`) and infra exports and imports it"
        }
        if let target, target.owner == nil, case .resource(let type) = target.origin {
            return "; '\(Diagnostic.abbreviated(name))' (\(type)) was made but never added to a stack: add it with stack.add(...)"
        }
        return ""
    }

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // Logical ID -> the first resource declaring it (its type counts), without hashing every ID.
        let declared = NameTable(template.resources.map(\.logicalID))
        func isResource(_ name: String) -> Bool { declared.position(of: name) != nil }
        func resourceType(of name: String) -> String? { declared.position(of: name).map { template.resources[$0].type } }
        let parameters = Set(template.parameters.map(\.name))
        let conditions = Set(template.conditions.keys)
        let mappings = Set(template.mappings.keys)

        func error(_ element: TemplateElement, _ path: ValueWalker.Path, _ message: String) {
            diagnostics.append(Diagnostic(.error, stack: stack, element: element.name, path: path.description, message))
        }

        /// Checks the owner first: a typed reference made in another stack is the most useful thing to say.
        func foreign(_ target: ReferenceTarget) -> String? {
            guard let owner = target.owner, owner != stack else { return nil }
            // Nested stacks are linked within their tree only; exports come from top-level stacks.
            if let slash = owner.firstIndex(of: "/") {
                return "refers to '\(target.logicalID)' of the nested stack '\(owner)'; only the stacks of its tree ('\(owner[..<slash])' and the stacks nested in it) can refer to its resources: declare the resource in '\(owner[..<slash])' itself to export it to other stacks"
            }
            return "refers to '\(target.logicalID)' of stack '\(owner)'; a reference across stacks needs an export in '\(owner)' and Fn::ImportValue here"
        }

        func visit(_ element: TemplateElement, _ use: ValueWalker.Use, _ path: ValueWalker.Path) {
            switch use {
            case .ref(let target), .subReference(let target, _):
                if let message = foreign(target) { return error(element, path, message) }
                if case .subReference(_, let variables) = use, variables.contains(target.logicalID) { return }
                let name = target.logicalID
                if target.isPseudoParameter {
                    if !AWS.pseudoParameterNames.contains(name) {
                        error(element, path, "'\(Diagnostic.abbreviated(name))' is not a CloudFormation pseudo parameter")
                    }
                } else if element.section == .condition {
                    // Conditions are evaluated before any resource exists.
                    if !parameters.contains(name) {
                        error(element, path, "a condition can refer only to parameters and pseudo parameters, not '\(Diagnostic.abbreviated(name))'")
                    }
                } else if !isResource(name) && !parameters.contains(name) {
                    error(element, path, "refers to '\(Diagnostic.abbreviated(name))', which is neither a resource nor a parameter of this stack" + hint(name, target))
                }
            case .getAtt(let target, let attribute), .subAttribute(let target, let attribute):
                if let message = foreign(target) { return error(element, path, message) }
                if element.section == .condition {
                    error(element, path, "a condition cannot use Fn::GetAtt ('\(target.logicalID).\(attribute)')")
                } else if parameters.contains(target.logicalID) {
                    error(element, path, "'\(Diagnostic.abbreviated(target.logicalID))' is a parameter; Fn::GetAtt works only on resources")
                } else if !isResource(target.logicalID) {
                    error(element, path, "gets attribute '\(Diagnostic.abbreviated(attribute))' of '\(Diagnostic.abbreviated(target.logicalID))', which is not a resource of this stack" + hint(target.logicalID, target))
                } else if let typeName = resourceType(of: target.logicalID), let type = ResourceCatalog.type(named: typeName),
                          type.attribute(named: attribute) == nil {
                    error(element, path, Self.unknownAttribute(attribute, of: target.logicalID, type: type))
                }
            case .condition(let name):
                if !conditions.contains(name) {
                    error(element, path, "refers to condition '\(Diagnostic.abbreviated(name))', which is not declared")
                }
            case .mapping(let name):
                if !mappings.contains(name) {
                    error(element, path, "Fn::FindInMap refers to mapping '\(Diagnostic.abbreviated(name))', which is not declared")
                }
            case .intrinsic(let intrinsic):
                checkShape(intrinsic, element: element, path: path, error: error)
            }
        }
        for found in uses.found {
            visit(uses.elements[found.element], found.use, found.path)
        }

        for resource in template.resources {
            for dependency in resource.dependsOn where !isResource(dependency) {
                diagnostics.append(Diagnostic(.error, stack: stack, element: resource.logicalID, path: "DependsOn",
                                              "depends on '\(Diagnostic.abbreviated(dependency))', which is not a resource of this stack" + hint(dependency)))
            }
            if let condition = resource.condition, !conditions.contains(condition) {
                diagnostics.append(Diagnostic(.error, stack: stack, element: resource.logicalID, path: "Condition",
                                              "uses condition '\(condition)', which is not declared"))
            }
        }
        for output in template.outputs {
            if let condition = output.condition, !conditions.contains(condition) {
                diagnostics.append(Diagnostic(.error, stack: stack, element: output.name, path: "Condition",
                                              "uses condition '\(condition)', which is not declared"))
            }
        }
    }

    /// "Queue is a AWS::SQS::Queue, which has no attribute Ann for GetAtt; did you mean Arn?"
    private static func unknownAttribute(_ attribute: String, of logicalID: String, type: ResourceTypeInfo) -> String {
        let known = type.attributes.map(\.name)
        let hint = NameSuggestion.closest(to: attribute, among: known).first.map { "; did you mean \($0)?" }
            ?? (known.isEmpty ? "; it has no attributes" : "; it has: " + known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : ""))
        return "\(logicalID) is a \(type.name), which has no attribute \(Diagnostic.abbreviated(attribute)) for GetAtt\(hint)"
    }

    private func checkShape(
        _ intrinsic: Intrinsic, element: TemplateElement, path: ValueWalker.Path, error: (TemplateElement, ValueWalker.Path, String) -> Void
    ) {
        switch intrinsic {
        case .and(let items), .or(let items):
            if !(2...10).contains(items.count) {
                error(element, path, "\(intrinsic.longFormName) takes 2 to 10 conditions, not \(items.count)")
            }
        case .sub(let template, _):
            if let text = template.unterminated {
                error(element, path, "Fn::Sub has an unterminated '${' in '\(Diagnostic.abbreviated(text))'")
            }
        default:
            break
        }
    }
}

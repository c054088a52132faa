import ResourceCatalog

/// Two resources of one type with the same fixed name in one app and environment: both
/// stacks deploy to one account and region, so the second create fails ("already exists").
/// Which property is the name is the catalog's. Only literal names are compared.
enum PhysicalNameRule {
    /// - Parameter templates: (stack, template) for one flavor of each stack.
    static func check(_ templates: [(stack: String, template: Template)]) -> [Diagnostic] {
        var owners: [String: (stack: String, logicalID: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for (stack, template) in templates {
            for resource in template.resources {
                guard let (type, property) = nameProperty(of: resource.type),
                      case .string(let name)? = resource.properties[property] else { continue }
                let key = type + "\u{0}" + name
                if let first = owners[key] {
                    let there = first.stack == stack ? first.logicalID : "\(first.logicalID) in stack \(first.stack)"
                    diagnostics.append(Diagnostic(.error, stack: stack, element: resource.logicalID, path: "Properties.\(property)",
                        "\(property) '\(Diagnostic.abbreviated(name))' is also the name of \(there): two \(type) resources cannot share a name in one account and region, so the second create fails. Give one another name (or derive it from the environment)."))
                } else {
                    owners[key] = (stack, resource.logicalID)
                }
            }
        }
        return diagnostics
    }

    /// The type whose names share a namespace, and its name property. A SAM function is the
    /// AWS::Lambda::Function it becomes.
    private static func nameProperty(of type: String) -> (String, String)? {
        let effective = type == SAMFunctionCatalog.typeName ? "AWS::Lambda::Function" : type
        guard let property = ResourceCatalog.type(named: effective)?.physicalNameProperty else { return nil }
        return (effective, property)
    }
}

/// The places in a template that hold values, each with the name diagnostics use for it.
struct TemplateElement {
    enum Section: String {
        case resource = "Resources"
        case output = "Outputs"
        case condition = "Conditions"
        case parameter = "Parameters"
        case globals = "Globals"
    }

    let section: Section
    let name: String
    /// The path prefix inside the element, e.g. `Properties`.
    let path: String
    let value: TemplateValue

    /// The path of a resource's Properties element.
    static let propertiesPath = "Properties"

    static func all(in template: Template) -> [TemplateElement] {
        var elements: [TemplateElement] = []
        for resource in template.resources {
            elements.append(TemplateElement(section: .resource, name: resource.logicalID, path: propertiesPath, value: .object(resource.properties)))
            if !resource.metadata.isEmpty {
                elements.append(TemplateElement(section: .resource, name: resource.logicalID, path: "Metadata", value: .object(resource.metadata)))
            }
        }
        for output in template.outputs {
            elements.append(TemplateElement(section: .output, name: output.name, path: "Value", value: output.value))
            if let exportName = output.exportName {
                elements.append(TemplateElement(section: .output, name: output.name, path: "Export.Name", value: exportName))
            }
        }
        for (name, value) in template.globals.entries {
            elements.append(TemplateElement(section: .globals, name: "Globals", path: name, value: value))
        }
        for (name, expression) in template.conditions.entries {
            elements.append(TemplateElement(section: .condition, name: name, path: "", value: expression))
        }
        return elements
    }
}

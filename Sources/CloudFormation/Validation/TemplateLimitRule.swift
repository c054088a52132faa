import ResourceCatalog

/// The lengths CloudFormation allows for descriptions, parameter values and mapping sizes
/// (`TemplateLimits`, from cfn-lint's template schemas).
struct TemplateLimitRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        func tooLong(_ text: String, _ maximum: Int, unit: Unit, element: String?, path: String, what: String) {
            let size = unit == .bytes ? text.utf8.count : text.unicodeScalars.count
            guard size > maximum else { return }
            diagnostics.append(Diagnostic(.error, stack: stack, element: element, path: path,
                "the \(what) is \(size) \(unit.rawValue) long; CloudFormation allows at most \(maximum) (shorten it)"))
        }
        if let description = template.description {
            tooLong(description, TemplateLimits.templateDescription, unit: .characters, element: nil, path: "Description", what: "stack description")
        }
        for parameter in template.parameters {
            if let description = parameter.description {
                tooLong(description, TemplateLimits.parameterDescription, unit: .characters, element: parameter.name, path: "Description", what: "parameter description")
            }
            if case .string(let value)? = parameter.defaultValue {
                tooLong(value, TemplateLimits.parameterValueBytes, unit: .bytes, element: parameter.name, path: "Default", what: "default value")
            }
        }
        for output in template.outputs {
            if let description = output.description {
                tooLong(description, TemplateLimits.outputDescription, unit: .bytes, element: output.name, path: "Description", what: "output description")
            }
        }
        for (name, value) in template.mappings.entries {
            guard case .object(let topLevel) = value else { continue }
            if topLevel.count > TemplateLimits.mappingAttributes {
                diagnostics.append(Diagnostic(.error, stack: stack, element: name,
                    "the mapping has \(topLevel.count) keys; CloudFormation allows at most \(TemplateLimits.mappingAttributes) (split it)"))
            }
        }
    }

    private enum Unit: String { case bytes, characters }
}

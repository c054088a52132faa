/// What a template needs at all: at least one resource, and parameter constraints that
/// fit the parameter's type.
struct StructureRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        if template.resources.isEmpty {
            diagnostics.append(Diagnostic(.error, stack: stack, path: "Resources",
                                          "the stack declares no resources; CloudFormation requires at least one"))
        }
        for parameter in template.parameters {
            func error(_ path: String, _ message: String) {
                diagnostics.append(Diagnostic(.error, stack: stack, element: parameter.name, path: path, message))
            }
            if parameter.isNumeric {
                if parameter.minLength != nil { error("MinLength", "MinLength applies only to string parameters, not \(parameter.type)") }
                if parameter.maxLength != nil { error("MaxLength", "MaxLength applies only to string parameters, not \(parameter.type)") }
                if parameter.allowedPattern != nil { error("AllowedPattern", "AllowedPattern applies only to string parameters, not \(parameter.type)") }
            } else {
                if parameter.minValue != nil { error("MinValue", "MinValue applies only to Number parameters, not \(parameter.type)") }
                if parameter.maxValue != nil { error("MaxValue", "MaxValue applies only to Number parameters, not \(parameter.type)") }
            }
            if let min = parameter.minLength, let max = parameter.maxLength, min > max {
                error("MinLength", "MinLength \(min) is greater than MaxLength \(max)")
            }
            if let min = parameter.minValue, let max = parameter.maxValue, min > max {
                error("MinValue", "MinValue \(min) is greater than MaxValue \(max)")
            }
            if let defaultValue = parameter.defaultValue, !parameter.allowedValues.isEmpty,
               !parameter.allowedValues.contains(defaultValue) {
                error("Default", "the default is not one of the AllowedValues")
            }
        }
    }
}

import InfraYAML

/// Stage three: a validated template becomes a YAML node tree, sections in CloudFormation's
/// canonical order, empty sections left out.
public enum TemplateRenderer {
    public static func render(_ template: Template) throws(YAMLError) -> Node {
        var root = Mapping()
        try root.append("AWSTemplateFormatVersion", .string(Template.formatVersion))
        if let description = template.description {
            try root.append("Description", .string(description))
        }
        if !template.metadata.isEmpty {
            try root.append("Metadata", .mapping(try ValueRenderer.render(template.metadata)))
        }
        if !template.parameters.isEmpty {
            var parameters = Mapping()
            for parameter in template.parameters {
                try parameters.append(parameter.name, try render(parameter))
            }
            try root.append("Parameters", .mapping(parameters))
        }
        if !template.mappings.isEmpty {
            try root.append("Mappings", .mapping(try ValueRenderer.render(template.mappings)))
        }
        if !template.conditions.isEmpty {
            try root.append("Conditions", .mapping(try ValueRenderer.render(template.conditions)))
        }
        switch template.transforms.count {
        case 0: break
        case 1: try root.append("Transform", .string(template.transforms[0]))
        default: try root.append("Transform", .sequence(template.transforms.map { .string($0) }))
        }
        if !template.globals.isEmpty {
            try root.append("Globals", .mapping(try ValueRenderer.render(template.globals)))
        }
        var resources = Mapping()
        resources.reserveCapacity(template.resources.count)
        for resource in template.resources {
            try resources.append(resource.logicalID, try render(resource))
        }
        try root.append("Resources", .mapping(resources))
        if !template.outputs.isEmpty {
            var outputs = Mapping()
            for output in template.outputs {
                try outputs.append(output.name, try render(output))
            }
            try root.append("Outputs", .mapping(outputs))
        }
        return .mapping(root)
    }

    private static func render(_ parameter: TemplateParameter) throws(YAMLError) -> Node {
        var node = Mapping()
        try node.append("Type", .string(parameter.type))
        if let description = parameter.description {
            try node.append("Description", .string(description))
        }
        if let defaultValue = parameter.defaultValue {
            try node.append("Default", try ValueRenderer.render(defaultValue))
        }
        if !parameter.allowedValues.isEmpty {
            try node.append("AllowedValues", try ValueRenderer.render(.list(parameter.allowedValues)))
        }
        if let pattern = parameter.allowedPattern {
            try node.append("AllowedPattern", .string(pattern))
        }
        if let minLength = parameter.minLength { try node.append("MinLength", .integer(minLength)) }
        if let maxLength = parameter.maxLength { try node.append("MaxLength", .integer(maxLength)) }
        if let minValue = parameter.minValue { try node.append("MinValue", .number(minValue)) }
        if let maxValue = parameter.maxValue { try node.append("MaxValue", .number(maxValue)) }
        if parameter.noEcho { try node.append("NoEcho", .boolean(true)) }
        if let constraint = parameter.constraintDescription {
            try node.append("ConstraintDescription", .string(constraint))
        }
        return .mapping(node)
    }

    private static func render(_ resource: TemplateResource) throws(YAMLError) -> Node {
        var node = Mapping()
        node.reserveCapacity(7)  // every key below
        try node.append("Type", .string(resource.type))
        if let condition = resource.condition {
            try node.append("Condition", .string(condition))
        }
        switch resource.dependsOn.count {
        case 0: break
        case 1: try node.append("DependsOn", .string(resource.dependsOn[0]))
        default: try node.append("DependsOn", .sequence(resource.dependsOn.map { .string($0) }))
        }
        if let policy = resource.deletionPolicy {
            try node.append("DeletionPolicy", .string(policy.rawValue))
        }
        if let policy = resource.updateReplacePolicy {
            try node.append("UpdateReplacePolicy", .string(policy.rawValue))
        }
        if !resource.metadata.isEmpty {
            try node.append("Metadata", .mapping(try ValueRenderer.render(resource.metadata)))
        }
        if !resource.properties.isEmpty {
            try node.append("Properties", .mapping(try ValueRenderer.render(resource.properties)))
        }
        return .mapping(node)
    }

    private static func render(_ output: TemplateOutput) throws(YAMLError) -> Node {
        var node = Mapping()
        if let description = output.description {
            try node.append("Description", .string(description))
        }
        if let condition = output.condition {
            try node.append("Condition", .string(condition))
        }
        try node.append("Value", try ValueRenderer.render(output.value))
        if let exportName = output.exportName {
            try node.append("Export", .mapping(try Mapping([("Name", try ValueRenderer.render(exportName))])))
        }
        return .mapping(node)
    }
}

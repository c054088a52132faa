import InfraYAML

/// Stage three: a validated template becomes YAML, sections in CloudFormation's canonical
/// order, empty sections left out. The same events either build a node tree (``render(_:)``)
/// or go straight to the emitter (``emit(_:)``), so both give the same bytes.
public enum TemplateRenderer {
    /// The template's YAML node tree.
    public static func render(_ template: Template) throws(YAMLError) -> Node {
        var builder = NodeTreeBuilder()
        try write(template, to: &builder)
        return try builder.finish()
    }

    /// The template's YAML text, as `Emitter().emit(render(template))` writes it, without
    /// building the tree (building and freeing it cost a third as much as emitting).
    public static func emit(_ template: Template) throws(YAMLError) -> String {
        try Emitter().emit { (stream: inout YAMLEventStream) throws(YAMLError) in
            try write(template, to: &stream)
        }
    }

    public static func write<Target: YAMLEventTarget & ~Copyable>(
        _ template: Template, to target: inout Target
    ) throws(YAMLError) {
        try target.beginMapping(tag: nil)
        try string("AWSTemplateFormatVersion", Template.formatVersion, &target)
        if let description = template.description {
            try string("Description", description, &target)
        }
        if !template.metadata.isEmpty {
            try fields("Metadata", template.metadata, &target)
        }
        if !template.parameters.isEmpty {
            try target.key("Parameters")
            try target.beginMapping(tag: nil)
            for parameter in template.parameters {
                try target.key(parameter.name)
                try write(parameter, &target)
            }
            try target.endMapping()
        }
        if !template.mappings.isEmpty {
            try fields("Mappings", template.mappings, &target)
        }
        if !template.conditions.isEmpty {
            try fields("Conditions", template.conditions, &target)
        }
        try stringOrList("Transform", template.transforms, &target)
        if !template.globals.isEmpty {
            try fields("Globals", template.globals, &target)
        }
        try target.key("Resources")
        try target.beginMapping(tag: nil, expectedKeys: template.resources.count)
        for resource in template.resources {
            try target.key(resource.logicalID)
            try write(resource, &target)
        }
        try target.endMapping()
        if !template.outputs.isEmpty {
            try target.key("Outputs")
            try target.beginMapping(tag: nil)
            for output in template.outputs {
                try target.key(output.name)
                try write(output, &target)
            }
            try target.endMapping()
        }
        try target.endMapping()
    }

    private static func write<Target: YAMLEventTarget & ~Copyable>(
        _ parameter: TemplateParameter, _ target: inout Target
    ) throws(YAMLError) {
        try target.beginMapping(tag: nil)
        try string("Type", parameter.type, &target)
        if let description = parameter.description {
            try string("Description", description, &target)
        }
        if let defaultValue = parameter.defaultValue {
            try value("Default", defaultValue, &target)
        }
        if !parameter.allowedValues.isEmpty {
            try value("AllowedValues", .list(parameter.allowedValues), &target)
        }
        if let pattern = parameter.allowedPattern {
            try string("AllowedPattern", pattern, &target)
        }
        if let minLength = parameter.minLength { try scalar("MinLength", .integer(minLength), &target) }
        if let maxLength = parameter.maxLength { try scalar("MaxLength", .integer(maxLength), &target) }
        if let minValue = parameter.minValue { try scalar("MinValue", .number(minValue), &target) }
        if let maxValue = parameter.maxValue { try scalar("MaxValue", .number(maxValue), &target) }
        if parameter.noEcho { try scalar("NoEcho", .boolean(true), &target) }
        if let constraint = parameter.constraintDescription {
            try string("ConstraintDescription", constraint, &target)
        }
        try target.endMapping()
    }

    private static func write<Target: YAMLEventTarget & ~Copyable>(
        _ resource: TemplateResource, _ target: inout Target
    ) throws(YAMLError) {
        try target.beginMapping(tag: nil, expectedKeys: 7)  // every key below
        try string("Type", resource.type, &target)
        if let condition = resource.condition {
            try string("Condition", condition, &target)
        }
        try stringOrList("DependsOn", resource.dependsOn, &target)
        if let policy = resource.deletionPolicy {
            try string("DeletionPolicy", policy.rawValue, &target)
        }
        if let policy = resource.updateReplacePolicy {
            try string("UpdateReplacePolicy", policy.rawValue, &target)
        }
        if !resource.metadata.isEmpty {
            try fields("Metadata", resource.metadata, &target)
        }
        if !resource.properties.isEmpty {
            try fields("Properties", resource.properties, &target)
        }
        try target.endMapping()
    }

    private static func write<Target: YAMLEventTarget & ~Copyable>(
        _ output: TemplateOutput, _ target: inout Target
    ) throws(YAMLError) {
        try target.beginMapping(tag: nil)
        if let description = output.description {
            try string("Description", description, &target)
        }
        if let condition = output.condition {
            try string("Condition", condition, &target)
        }
        try value("Value", output.value, &target)
        if let exportName = output.exportName {
            try target.key("Export")
            try target.beginMapping(tag: nil)
            try value("Name", exportName, &target)
            try target.endMapping()
        }
        try target.endMapping()
    }

    private static func string<Target: YAMLEventTarget & ~Copyable>(
        _ key: String, _ text: String, _ target: inout Target
    ) throws(YAMLError) {
        try scalar(key, Scalar(text), &target)
    }

    private static func scalar<Target: YAMLEventTarget & ~Copyable>(
        _ key: String, _ scalar: Scalar, _ target: inout Target
    ) throws(YAMLError) {
        try target.key(key)
        try target.scalar(scalar)
    }

    /// One name as a string, several as a list, none left out.
    private static func stringOrList<Target: YAMLEventTarget & ~Copyable>(
        _ key: String, _ names: [String], _ target: inout Target
    ) throws(YAMLError) {
        switch names.count {
        case 0:
            return
        case 1:
            try string(key, names[0], &target)
        default:
            try target.key(key)
            try target.beginSequence(tag: nil)
            for name in names { try target.scalar(Scalar(name)) }
            try target.endSequence()
        }
    }

    private static func fields<Target: YAMLEventTarget & ~Copyable>(
        _ key: String, _ fields: Fields, _ target: inout Target
    ) throws(YAMLError) {
        try target.key(key)
        try target.beginMapping(tag: nil, distinctKeys: fields.count)
        try ValueRenderer.write(fields, to: &target)
        try target.endMapping()
    }

    private static func value<Target: YAMLEventTarget & ~Copyable>(
        _ key: String, _ value: TemplateValue, _ target: inout Target
    ) throws(YAMLError) {
        try target.key(key)
        try ValueRenderer.write(value, to: &target)
    }
}

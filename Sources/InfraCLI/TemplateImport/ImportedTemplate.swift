import CloudFormation
import TemplateDiff

/// A parsed template file as the CloudFormation model, so that `Validator` checks it
/// exactly as it checks a synthesized template. Only what validation reads is carried;
/// an entry of the wrong shape is left out here (CloudFormation rejects it anyway) rather
/// than guessed at.
enum ImportedTemplate {
    static func template(from document: TemplateDocument) -> Template {
        var template = Template()
        let sections = document.sections
        template.description = sections["Description"]?.scalarText
        template.metadata = map(sections["Metadata"])
        template.mappings = map(sections["Mappings"])
        template.conditions = map(sections["Conditions"])
        template.globals = map(sections["Globals"])
        switch sections["Transform"] {
        case .scalar(let name)?: template.transforms = [name]
        case .list(let names)?: template.transforms = names.compactMap(\.scalarText)
        default: break
        }
        for (name, definition) in sections["Parameters"]?.mapValue?.entries ?? [] {
            if let map = definition.mapValue { template.parameters.append(parameter(name, map)) }
        }
        for logicalID in document.resourceOrder {
            if let parsed = document.resources[logicalID] { template.resources.append(resource(logicalID, parsed)) }
        }
        for (name, definition) in sections["Outputs"]?.mapValue?.entries ?? [] {
            if let map = definition.mapValue { template.outputs.append(output(name, map)) }
        }
        return template
    }

    private static func map(_ section: TemplateDiff.TemplateValue?) -> Fields {
        section?.mapValue.map(ImportedValue.fields) ?? Fields()
    }

    static func parameter(_ name: String, _ map: TemplateMap) -> TemplateParameter {
        var parameter = TemplateParameter(name: name, type: map["Type"]?.scalarText ?? "String")
        parameter.description = map["Description"]?.scalarText
        parameter.defaultValue = map["Default"].map(ImportedValue.value)
        parameter.allowedValues = map["AllowedValues"]?.listValue?.map(ImportedValue.value) ?? []
        parameter.allowedPattern = map["AllowedPattern"]?.scalarText
        parameter.minLength = map["MinLength"]?.scalarText.flatMap { Int($0) }
        parameter.maxLength = map["MaxLength"]?.scalarText.flatMap { Int($0) }
        parameter.minValue = map["MinValue"]?.scalarText.flatMap { Double($0) }
        parameter.maxValue = map["MaxValue"]?.scalarText.flatMap { Double($0) }
        parameter.noEcho = map["NoEcho"]?.scalarText == "true"
        parameter.constraintDescription = map["ConstraintDescription"]?.scalarText
        return parameter
    }

    static func resource(_ logicalID: String, _ parsed: ParsedResource) -> TemplateResource {
        let dependsOn: [String] = switch parsed.attributes["DependsOn"] {
        case .scalar(let name)?: [name]
        case .list(let names)?: names.compactMap(\.scalarText)
        default: []
        }
        return TemplateResource(
            logicalID: logicalID,
            type: parsed.type,
            properties: ImportedValue.fields(parsed.properties),
            dependsOn: dependsOn,
            condition: parsed.attributes["Condition"]?.scalarText,
            deletionPolicy: parsed.deletionPolicy.flatMap(DeletionPolicy.init(rawValue:)),
            updateReplacePolicy: parsed.updateReplacePolicy.flatMap(DeletionPolicy.init(rawValue:)),
            metadata: map(parsed.attributes["Metadata"])
        )
    }

    static func output(_ name: String, _ map: TemplateMap) -> TemplateOutput {
        TemplateOutput(
            name: name,
            value: map["Value"].map(ImportedValue.value) ?? .string(""),
            description: map["Description"]?.scalarText,
            exportName: map["Export"]?["Name"].map(ImportedValue.value),
            condition: map["Condition"]?.scalarText
        )
    }
}

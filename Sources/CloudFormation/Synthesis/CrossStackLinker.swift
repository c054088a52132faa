/// Turns references to another stack's resources into CloudFormation's cross-stack form:
/// an Output with an Export in the producer and Fn::ImportValue in the consumer. Export names
/// derive from the producer's deployed name and the logical ID, so they are stable.
struct CrossStackLinker {
    /// Stack name -> the name it deploys under.
    let deployedNames: [String: String]

    struct Export: Hashable {
        let producer: String
        let logicalID: String
        /// nil for a Ref.
        let attribute: String?
    }

    private(set) var exports: [Export] = []
    /// Consumer -> producers, for the deployment order.
    private(set) var dependencies: [String: [String]] = [:]

    func exportName(_ export: Export) -> String {
        let base = "\(deployedNames[export.producer] ?? export.producer)-\(export.logicalID)"
        guard let attribute = export.attribute else { return base }
        return base + "-" + attribute.replacing(".", with: "-")
    }

    func outputName(_ export: Export) -> String {
        "Export\(export.logicalID)\((export.attribute ?? "Ref").filter { $0.isLetter || $0.isNumber })"
    }

    /// Rewrites the consumer's template in place and records what the producers must export.
    mutating func link(_ template: inout Template, consumer: String) {
        for index in template.resources.indices {
            template.resources[index].properties = rewrite(template.resources[index].properties, consumer: consumer)
        }
        for index in template.outputs.indices {
            template.outputs[index].value = rewrite(template.outputs[index].value, consumer: consumer)
        }
    }

    /// Adds the recorded exports of `producer` as outputs.
    func addExports(to template: inout Template, producer: String) {
        for export in exports where export.producer == producer {
            let target = ReferenceTarget(export.logicalID, owner: producer)
            let value: TemplateValue = export.attribute.map { .intrinsic(.getAtt(target, attribute: $0)) } ?? .intrinsic(.ref(target))
            let name = outputName(export)
            guard !template.outputs.contains(where: { $0.name == name }) else { continue }
            template.outputs.append(TemplateOutput(
                name: name, value: value,
                description: "Imported by another stack of the app; removing it fails while an importer exists",
                exportName: .string(exportName(export))))
        }
    }

    private func isForeign(_ target: ReferenceTarget, consumer: String) -> Bool {
        guard let owner = target.owner else { return false }
        return owner != consumer && deployedNames[owner] != nil
    }

    private mutating func importing(_ export: Export, consumer: String) -> TemplateValue {
        if !exports.contains(export) { exports.append(export) }
        if !(dependencies[consumer] ?? []).contains(export.producer) {
            dependencies[consumer, default: []].append(export.producer)
        }
        return .intrinsic(.importValue(.string(exportName(export))))
    }

    private mutating func rewrite(_ fields: Fields, consumer: String) -> Fields {
        var result = Fields()
        for (key, value) in fields.entries {
            result[key] = rewrite(value, consumer: consumer)
        }
        return result
    }

    private mutating func rewrite(_ value: TemplateValue, consumer: String) -> TemplateValue {
        switch value {
        case .string, .number, .boolean:
            return value
        case .list(let items):
            return .list(items.map { rewrite($0, consumer: consumer) })
        case .object(let fields):
            return .object(rewrite(fields, consumer: consumer))
        case .intrinsic(.ref(let target)) where isForeign(target, consumer: consumer):
            return importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: nil), consumer: consumer)
        case .intrinsic(.getAtt(let target, let attribute)) where isForeign(target, consumer: consumer):
            return importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: attribute), consumer: consumer)
        case .intrinsic(.sub(let template, let variables)):
            var parts: [SubTemplate.Part] = []
            var newVariables = rewrite(variables, consumer: consumer)
            for part in template.parts {
                switch part {
                case .reference(let target) where isForeign(target, consumer: consumer):
                    let name = "Imported\(target.logicalID)"
                    newVariables[name] = importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: nil), consumer: consumer)
                    parts.append(.reference(ReferenceTarget(name)))
                case .attribute(let target, let attribute) where isForeign(target, consumer: consumer):
                    let name = "Imported\(target.logicalID)\(attribute.filter { $0.isLetter || $0.isNumber })"
                    newVariables[name] = importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: attribute), consumer: consumer)
                    parts.append(.reference(ReferenceTarget(name)))
                default:
                    parts.append(part)
                }
            }
            return .intrinsic(.sub(SubTemplate(parts: parts), variables: newVariables))
        case .intrinsic(let intrinsic):
            return .intrinsic(rewrite(intrinsic, consumer: consumer))
        }
    }

    private mutating func rewrite(_ intrinsic: Intrinsic, consumer: String) -> Intrinsic {
        func r(_ value: TemplateValue) -> TemplateValue { rewrite(value, consumer: consumer) }
        switch intrinsic {
        case .ref, .getAtt, .condition, .sub: return intrinsic
        case .join(let delimiter, let value): return .join(delimiter: delimiter, r(value))
        case .select(let index, let list): return .select(index: r(index), from: r(list))
        case .split(let delimiter, let value): return .split(delimiter: delimiter, r(value))
        case .if(let condition, let then, let otherwise): return .if(condition: condition, then: r(then), else: r(otherwise))
        case .equals(let lhs, let rhs): return .equals(r(lhs), r(rhs))
        case .and(let items): return .and(items.map(r))
        case .or(let items): return .or(items.map(r))
        case .not(let value): return .not(r(value))
        case .findInMap(let map, let top, let second): return .findInMap(map: map, topLevelKey: r(top), secondLevelKey: r(second))
        case .getAZs(let value): return .getAZs(r(value))
        case .importValue(let value): return .importValue(r(value))
        case .base64(let value): return .base64(r(value))
        case .cidr(let ip, let count, let bits): return .cidr(ipBlock: r(ip), count: r(count), cidrBits: r(bits))
        }
    }
}

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
    /// Only what changes is rebuilt: nearly every value refers to nothing in another stack,
    /// and copying every resource's properties was most of a synth's linking.
    mutating func link(_ template: inout Template, consumer: String) {
        for index in template.resources.indices {
            if let rewritten = rewritten(template.resources[index].properties, consumer: consumer) {
                template.resources[index].properties = rewritten
            }
        }
        for index in template.outputs.indices {
            if let rewritten = rewritten(template.outputs[index].value, consumer: consumer) {
                template.outputs[index].value = rewritten
            }
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

    /// The fields with every foreign reference imported, or nil when nothing in them changes.
    private mutating func rewritten(_ fields: Fields, consumer: String) -> Fields? {
        var result: Fields?
        for (position, (key, value)) in fields.entries.enumerated() {
            if let new = rewritten(value, consumer: consumer) {
                if result == nil {
                    var unchanged = Fields()
                    for (key, value) in fields.entries.prefix(position) { unchanged.appendNew(key, value) }
                    result = unchanged
                }
                result!.appendNew(key, new)
            } else if result != nil {
                result!.appendNew(key, value)
            }
        }
        return result
    }

    /// The items with every foreign reference imported, or nil when nothing in them changes.
    private mutating func rewritten(_ items: [TemplateValue], consumer: String) -> [TemplateValue]? {
        var result: [TemplateValue]?
        for (position, item) in items.enumerated() {
            if let new = rewritten(item, consumer: consumer) {
                if result == nil { result = Array(items.prefix(position)) }
                result!.append(new)
            } else if result != nil {
                result!.append(item)
            }
        }
        return result
    }

    /// The value with every foreign reference imported, or nil when it stays as it is.
    private mutating func rewritten(_ value: TemplateValue, consumer: String) -> TemplateValue? {
        switch value {
        case .string, .number, .boolean:
            return nil
        case .list(let items):
            return rewritten(items, consumer: consumer).map { .list($0) }
        case .object(let fields):
            return rewritten(fields, consumer: consumer).map { .object($0) }
        case .intrinsic(.ref(let target)):
            guard isForeign(target, consumer: consumer) else { return nil }
            return importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: nil), consumer: consumer)
        case .intrinsic(.getAtt(let target, let attribute)):
            guard isForeign(target, consumer: consumer) else { return nil }
            return importing(Export(producer: target.owner ?? "", logicalID: target.logicalID, attribute: attribute), consumer: consumer)
        case .intrinsic(.sub(let template, let variables)):
            let newVariables = rewritten(variables, consumer: consumer)
            guard newVariables != nil
                || template.parts.contains(where: { isForeign($0, consumer: consumer) }) else { return nil }
            return rewrite(template, variables: newVariables ?? variables, consumer: consumer)
        case .intrinsic(let intrinsic):
            return rewritten(intrinsic, consumer: consumer).map { .intrinsic($0) }
        }
    }

    private func isForeign(_ part: SubTemplate.Part, consumer: String) -> Bool {
        switch part {
        case .reference(let target), .attribute(let target, _): isForeign(target, consumer: consumer)
        case .literal: false
        }
    }

    private mutating func rewrite(_ template: SubTemplate, variables: Fields, consumer: String) -> TemplateValue {
        var parts: [SubTemplate.Part] = []
        var newVariables = variables
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
        return .intrinsic(.sub(template.replacingParts(parts), variables: newVariables))
    }

    /// The intrinsic with its arguments rewritten, or nil when none changes.
    private mutating func rewritten(_ intrinsic: Intrinsic, consumer: String) -> Intrinsic? {
        func r(_ value: TemplateValue) -> TemplateValue? { rewritten(value, consumer: consumer) }
        func r2(_ a: TemplateValue, _ b: TemplateValue) -> (TemplateValue, TemplateValue)? {
            let (newA, newB) = (r(a), r(b))
            return newA == nil && newB == nil ? nil : (newA ?? a, newB ?? b)
        }
        switch intrinsic {
        case .ref, .getAtt, .condition, .sub: return nil
        case .join(let delimiter, let value): return r(value).map { .join(delimiter: delimiter, $0) }
        case .select(let index, let list): return r2(index, list).map { .select(index: $0.0, from: $0.1) }
        case .split(let delimiter, let value): return r(value).map { .split(delimiter: delimiter, $0) }
        case .if(let condition, let then, let otherwise): return r2(then, otherwise).map { .if(condition: condition, then: $0.0, else: $0.1) }
        case .equals(let lhs, let rhs): return r2(lhs, rhs).map { .equals($0.0, $0.1) }
        case .and(let items): return rewritten(items, consumer: consumer).map { .and($0) }
        case .or(let items): return rewritten(items, consumer: consumer).map { .or($0) }
        case .not(let value): return r(value).map { .not($0) }
        case .findInMap(let map, let top, let second): return r2(top, second).map { .findInMap(map: map, topLevelKey: $0.0, secondLevelKey: $0.1) }
        case .getAZs(let value): return r(value).map { .getAZs($0) }
        case .importValue(let value): return r(value).map { .importValue($0) }
        case .base64(let value): return r(value).map { .base64($0) }
        case .cidr(let ip, let count, let bits):
            let (newIP, newCount, newBits) = (r(ip), r(count), r(bits))
            guard newIP != nil || newCount != nil || newBits != nil else { return nil }
            return .cidr(ipBlock: newIP ?? ip, count: newCount ?? count, cidrBits: newBits ?? bits)
        }
    }
}

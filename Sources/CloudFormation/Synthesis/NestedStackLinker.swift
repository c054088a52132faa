/// Turns references between a stack and the stacks nested in it into what CloudFormation
/// takes across that boundary, as `CrossStackLinker` does between top-level stacks:
///
/// - up, from a child to its parent: an output of the child, read by the parent as
///   `Fn::GetAtt <Child>.Outputs.<Name>`;
/// - down, from a parent to its child: a parameter of the child, which the parent passes in
///   the nested stack's `Parameters`;
/// - between siblings, or across several levels: up to the nearest common ancestor, then down.
///
/// A list parameter (`List<...>`, `CommaDelimitedList`) goes down as its comma-joined text,
/// into a parameter of the same type. A GetAtt is taken to be a string (every attribute the
/// typed resources expose is); a list attribute cannot cross, as outputs hold strings.
struct NestedStackLinker {
    /// Stack name -> its parent's name, for every nested stack of the tree.
    let parents: [String: String]
    /// Nested stack name -> its logical ID in the parent.
    let logicalIDs: [String: String]
    /// Every stack of the tree.
    let members: Set<String>

    struct Key: Hashable {
        let owner: String
        let logicalID: String
        let attribute: String?
    }

    private(set) var addedOutputs: [String: [TemplateOutput]] = [:]
    private(set) var addedParameters: [String: [TemplateParameter]] = [:]
    /// Nested stack name -> (parameter, value) its parent passes.
    private(set) var passed: [String: [(name: String, value: TemplateValue)]] = [:]
    private var outputNames: [String: [Key: String]] = [:]
    private var parameterNames: [String: [Key: String]] = [:]
    /// Names already taken in each template: for a new parameter its parameters and
    /// resources (one namespace); for a new output its outputs.
    private var takenByParameters: [String: Set<String>]
    private var takenByOutputs: [String: Set<String>]

    init(tree: [StackBuilder], templates: [String: Template]) {
        var parents: [String: String] = [:]
        var logicalIDs: [String: String] = [:]
        for stack in tree {
            if let parent = stack.parent { parents[stack.name] = parent.name }
            if let logicalID = stack.logicalIDInParent { logicalIDs[stack.name] = logicalID }
        }
        self.parents = parents
        self.logicalIDs = logicalIDs
        members = Set(tree.map(\.name))
        takenByParameters = templates.mapValues { Set($0.parameters.map(\.name) + $0.resources.map(\.logicalID)) }
        takenByOutputs = templates.mapValues { Set($0.outputs.map(\.name)) }
    }

    /// Links every template of the tree, in place.
    static func link(tree: [StackBuilder], templates: inout [String: Template]) {
        guard tree.count > 1 else { return }
        var linker = NestedStackLinker(tree: tree, templates: templates)
        for stack in tree {
            guard var template = templates[stack.name] else { continue }
            for index in template.resources.indices {
                template.resources[index].properties = linker.rewrite(template.resources[index].properties, consumer: stack.name)
                template.resources[index].metadata = linker.rewrite(template.resources[index].metadata, consumer: stack.name)
            }
            for index in template.outputs.indices {
                template.outputs[index].value = linker.rewrite(template.outputs[index].value, consumer: stack.name)
            }
            templates[stack.name] = template
        }
        for stack in tree {
            guard var template = templates[stack.name] else { continue }
            template.outputs += linker.addedOutputs[stack.name] ?? []
            template.parameters += linker.addedParameters[stack.name] ?? []
            for child in stack.nestedStacks {
                let values = linker.passed[child.child.name] ?? []
                guard !values.isEmpty, let index = template.resources.firstIndex(where: { $0.logicalID == child.logicalID }) else { continue }
                var parameters = template.resources[index].properties["Parameters"]?.objectEntries ?? Fields()
                for (name, value) in values { parameters[name] = value }
                template.resources[index].properties["Parameters"] = .object(parameters)
            }
            templates[stack.name] = template
        }
    }

    private func ancestry(_ name: String) -> [String] {
        var chain = [name]
        while let parent = parents[chain[chain.count - 1]] { chain.append(parent) }
        return chain
    }

    private func isLinked(_ target: ReferenceTarget, consumer: String) -> Bool {
        guard let owner = target.owner, !target.isPseudoParameter else { return false }
        return owner != consumer && members.contains(owner)
    }

    private mutating func name(for key: Key, in stack: String, table: WritableKeyPath<NestedStackLinker, [String: [Key: String]]>,
                               taken: WritableKeyPath<NestedStackLinker, [String: Set<String>]>) -> (name: String, isNew: Bool) {
        if let known = self[keyPath: table][stack]?[key] { return (known, false) }
        // A nested stack's resource is named with its stack's logical ID (Queues1Queue0Arn), so
        // that siblings' resources of the same logical ID do not meet under one name.
        let owner = stack == key.owner ? "" : logicalIDs[key.owner] ?? ""
        let base = (owner + key.logicalID + (key.attribute ?? "")).filter { $0.isLetter || $0.isNumber }
        var candidate = base
        var counter = 2
        while self[keyPath: taken][stack, default: []].contains(candidate) {
            candidate = base + String(counter)
            counter += 1
        }
        self[keyPath: taken][stack, default: []].insert(candidate)
        self[keyPath: table][stack, default: [:]][key] = candidate
        return (candidate, true)
    }

    /// The value that stands in `consumer` for `original`, a reference to `target` (owned by another stack of the tree).
    private mutating func resolve(_ original: TemplateValue, target: ReferenceTarget, attribute: String?, consumer: String) -> TemplateValue {
        guard let owner = target.owner else { return original }
        let key = Key(owner: owner, logicalID: target.logicalID, attribute: attribute)
        let up = ancestry(owner)
        let down = ancestry(consumer)
        guard let common = down.first(where: up.contains) else { return original }
        var value = original
        var listType: String? = nil
        if attribute == nil, case .parameter(let type, _)? = target.origin, Self.isList(type) { listType = type }
        for node in up.prefix(while: { $0 != common }) {
            let (output, isNew) = name(for: key, in: node, table: \.outputNames, taken: \.takenByOutputs)
            if isNew {
                addedOutputs[node, default: []].append(TemplateOutput(
                    name: output, value: listType == nil ? value : .intrinsic(.join(delimiter: ",", value)),
                    description: "Read by the parent stack (a reference across the nested stack's boundary)"))
            }
            let parent = parents[node] ?? node
            value = .intrinsic(.getAtt(ReferenceTarget(logicalIDs[node] ?? node, owner: parent), attribute: "Outputs.\(output)"))
            if listType != nil { value = .intrinsic(.split(delimiter: ",", value)) }
        }
        for node in down.prefix(while: { $0 != common }).reversed() {
            let (parameter, isNew) = name(for: key, in: node, table: \.parameterNames, taken: \.takenByParameters)
            if isNew {
                var definition = TemplateParameter(name: parameter, type: listType ?? "String")
                definition.description = "Passed by the parent stack (a reference across the nested stack's boundary)"
                addedParameters[node, default: []].append(definition)
                passed[node, default: []].append((parameter, listType == nil ? value : .intrinsic(.join(delimiter: ",", value))))
            }
            value = .intrinsic(.ref(ReferenceTarget(parameter, owner: node, origin: .parameter(type: listType ?? "String", maximumLength: nil))))
        }
        return value
    }

    static func isList(_ type: String) -> Bool {
        type.hasPrefix("List<") || type == "CommaDelimitedList"
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
        case .intrinsic(.ref(let target)) where isLinked(target, consumer: consumer):
            return resolve(value, target: target, attribute: nil, consumer: consumer)
        case .intrinsic(.getAtt(let target, let attribute)) where isLinked(target, consumer: consumer):
            return resolve(value, target: target, attribute: attribute, consumer: consumer)
        case .intrinsic(.sub(let template, let variables)):
            var parts: [SubTemplate.Part] = []
            var newVariables = rewrite(variables, consumer: consumer)
            for part in template.parts {
                switch part {
                case .reference(let target) where isLinked(target, consumer: consumer):
                    let name = "Linked\(target.logicalID)"
                    newVariables[name] = resolve(.intrinsic(.ref(target)), target: target, attribute: nil, consumer: consumer)
                    parts.append(.reference(ReferenceTarget(name)))
                case .attribute(let target, let attribute) where isLinked(target, consumer: consumer):
                    let name = "Linked\(target.logicalID)\(attribute.filter { $0.isLetter || $0.isNumber })"
                    newVariables[name] = resolve(.intrinsic(.getAtt(target, attribute: attribute)), target: target, attribute: attribute, consumer: consumer)
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

extension TemplateValue {
    /// The fields of an object value.
    var objectEntries: Fields? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}

import InfraYAML

/// Renders template values to YAML nodes, intrinsics in the short form (`!Ref`, `!GetAtt
/// Table.Arn`, `!Sub`). YAML gives a node one tag at most, so a function whose argument is
/// itself directly a short-form function falls back to the long form (`Fn::Base64: !Sub ...`).
enum ValueRenderer {
    static func render(_ value: TemplateValue) throws(YAMLError) -> Node {
        switch value {
        case .string(let text): return .string(text)
        case .number(let text): return .scalar(Scalar(text, kind: .number))
        case .boolean(let flag): return .boolean(flag)
        case .list(let items):
            var nodes: [Node] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try render(item)) }
            return .sequence(nodes)
        case .object(let fields): return .mapping(try render(fields))
        case .intrinsic(let intrinsic): return try render(intrinsic)
        }
    }

    static func render(_ fields: Fields) throws(YAMLError) -> Mapping {
        var mapping = Mapping()
        mapping.reserveCapacity(fields.count)
        for (key, value) in fields.entries {
            try mapping.append(key, try render(value))
        }
        return mapping
    }

    static func render(_ intrinsic: Intrinsic) throws(YAMLError) -> Node {
        let argument = try argumentNode(of: intrinsic)
        if argument.tag != nil {
            // The long form: `{Fn::X: !Y ...}`.
            return .mapping(try Mapping([(intrinsic.longFormName, argument)]))
        }
        return tagged(argument, Tag(intrinsic.shortFormTag))
    }

    private static func argumentNode(of intrinsic: Intrinsic) throws(YAMLError) -> Node {
        switch intrinsic {
        case .ref(let target):
            return .string(target.logicalID)
        case .condition(let name):
            return .string(name)
        case .getAtt(let target, let attribute):
            return .string("\(target.logicalID).\(attribute)")
        case .sub(let template, let variables):
            let text = Node.string(template.rendered)
            if variables.isEmpty { return text }
            return .sequence([text, .mapping(try render(variables))])
        case .join(let delimiter, let values):
            return .sequence([.string(delimiter), try render(values)])
        case .select(let index, let list):
            return .sequence([try render(index), try render(list)])
        case .split(let delimiter, let text):
            return .sequence([.string(delimiter), try render(text)])
        case .if(let condition, let then, let otherwise):
            return .sequence([.string(condition), try render(then), try render(otherwise)])
        case .equals(let lhs, let rhs):
            return .sequence([try render(lhs), try render(rhs)])
        case .and(let conditions), .or(let conditions):
            return try render(.list(conditions))
        case .not(let condition):
            return .sequence([try render(condition)])
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            return .sequence([.string(map), try render(topLevelKey), try render(secondLevelKey)])
        case .getAZs(let region), .importValue(let region), .base64(let region):
            return try render(region)
        case .cidr(let ipBlock, let count, let cidrBits):
            return .sequence([try render(ipBlock), try render(count), try render(cidrBits)])
        }
    }

    private static func tagged(_ node: Node, _ tag: Tag) -> Node {
        var tagged = node
        if case .scalar(var scalar) = tagged {
            // A tagged scalar is always a string argument (a name, a Sub string).
            scalar.kind = .string
            tagged = .scalar(scalar)
        }
        tagged.tag = tag
        return tagged
    }
}

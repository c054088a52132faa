import InfraYAML

/// Turns parsed YAML into `TemplateValue`s: the one form in which two templates that
/// CloudFormation reads the same way are equal.
enum Normalization {
    static func value(_ node: Node) -> TemplateValue {
        if let tag = node.tag {
            return intrinsic(named: longName(ofTag: tag), argument: untaggedValue(node))
        }
        return untaggedValue(node)
    }

    /// The node's value as if it had no tag. Items and entries are read by index: iterating
    /// copied each node (and set the tag on a copy, for a tagged one).
    private static func untaggedValue(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            return .scalar(canonicalText(scalar))
        case .sequence(let sequence):
            let items = sequence.items
            var values: [TemplateValue] = []
            values.reserveCapacity(items.count)
            for index in items.indices { values.append(value(items[index])) }
            return .list(values)
        case .mapping(let mapping):
            var map = TemplateMap()
            map.reserveCapacity(mapping.count)
            let entries = mapping.entries
            for index in entries.indices {
                map.set(entries[index].key, value(entries[index].value))
            }
            if map.count == 1, let key = map.keys.first, let argument = map[key], isLongFormIntrinsic(key, argument) {
                return intrinsic(named: key, argument: argument)
            }
            return .map(map)
        }
    }

    /// `!Ref` -> `Ref`, `!Condition` -> `Condition`, `!GetAtt` -> `Fn::GetAtt`.
    static func longName(ofTag tag: Tag) -> String {
        let bare = String(tag.name.dropFirst())
        return bare == "Ref" || bare == "Condition" ? bare : "Fn::" + bare
    }

    /// A one-key mapping is a function call when the key names one. `Condition` counts only
    /// with a name (a string) as its value: elsewhere a key called Condition is ordinary data,
    /// e.g. an IAM statement's.
    private static func isLongFormIntrinsic(_ key: String, _ argument: TemplateValue) -> Bool {
        if key == "Ref" || key.hasPrefix("Fn::") { return true }
        return key == "Condition" && argument.scalarText != nil
    }

    private static func intrinsic(named name: String, argument: TemplateValue) -> TemplateValue {
        switch name {
        case "Fn::GetAtt": .intrinsic(name: name, argument: getAttArgument(argument))
        case "Fn::Sub": .intrinsic(name: name, argument: subArgument(argument))
        default: .intrinsic(name: name, argument: argument)
        }
    }

    /// `!Sub [text, {}]` substitutes nothing more than `!Sub text`.
    private static func subArgument(_ argument: TemplateValue) -> TemplateValue {
        guard case .list(let items) = argument, let text = items.first, text.scalarText != nil else { return argument }
        if items.count == 1 { return text }
        if items.count == 2, case .map(let variables) = items[1], variables.isEmpty { return text }
        return argument
    }

    /// `A.B` and `[A, B]` are the same attribute. Attribute names may hold dots
    /// (`Endpoint.Address`), the logical ID never does: split at the first dot.
    private static func getAttArgument(_ argument: TemplateValue) -> TemplateValue {
        guard case .scalar(let text) = argument, let dot = text.firstIndex(of: ".") else { return argument }
        return .list([.scalar(String(text[..<dot])), .scalar(String(text[text.index(after: dot)...]))])
    }

    /// CloudFormation passes every scalar on as text, so quoting and style do not matter:
    /// `BatchSize: '1'` and `BatchSize: 1` are the same. Only spellings that a YAML reader
    /// resolves to the same number or boolean are folded together (`+1`, `True`).
    static func canonicalText(_ scalar: Scalar) -> String {
        switch scalar.kind {
        case .string:
            return scalar.text
        case .number:
            if let integer = Int64(scalar.text) { return String(integer) }
            return scalar.text
        case .boolean:
            // The parser resolves by the YAML 1.2 core schema: only true/false spellings get here.
            return scalar.text.lowercased() == "true" ? "true" : "false"
        case .null:
            return "null"
        }
    }
}

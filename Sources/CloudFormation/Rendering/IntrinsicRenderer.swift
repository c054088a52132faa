import InfraYAML

/// Renders template values as YAML events, intrinsics in the short form (`!Ref`, `!GetAtt
/// Table.Arn`, `!Sub`). YAML gives a node one tag at most, so a function whose argument is
/// itself directly a short-form function falls back to the long form (`Fn::Base64: !Sub ...`).
///
/// Written against ``YAMLEventTarget``: the same events build a tree or go straight to the emitter.
enum ValueRenderer {
    /// `tag` is set when the value is a short-form function's argument; a tagged scalar is
    /// always a string (a name, a Sub string), whatever it would be untagged.
    static func write<Target: YAMLEventTarget & ~Copyable>(
        _ value: TemplateValue, tag: Tag? = nil, to target: inout Target
    ) throws(YAMLError) {
        switch value {
        case .string(let text):
            try target.scalar(Scalar(text, tag: tag))
        case .number(let text):
            try target.scalar(Scalar(text, kind: tag == nil ? .number : .string, tag: tag))
        case .boolean(let flag):
            try target.scalar(Scalar(flag ? "true" : "false", kind: tag == nil ? .boolean : .string, tag: tag))
        case .list(let items):
            try target.beginSequence(tag: tag)
            for index in items.indices { try write(items[index], to: &target) }
            try target.endSequence()
        case .object(let fields):
            try target.beginMapping(tag: tag, distinctKeys: fields.count)
            try write(fields, to: &target)
            try target.endMapping()
        case .intrinsic(let intrinsic):
            try write(intrinsic, tag: tag, to: &target)
        }
    }

    /// The entries of a mapping whose start the caller has written, as
    /// `beginMapping(tag:distinctKeys:)`: Fields holds each key once (its subscript replaces an
    /// equal key; `appendNew`, for keys distinct by construction, asserts it), and keys that
    /// differ as Strings differ in their code points.
    static func write<Target: YAMLEventTarget & ~Copyable>(_ fields: Fields, to target: inout Target) throws(YAMLError) {
        let entries = fields.entries
        for index in entries.indices {
            try target.key(entries[index].key)
            try write(entries[index].value, to: &target)
        }
    }

    private static func write<Target: YAMLEventTarget & ~Copyable>(
        _ intrinsic: Intrinsic, tag: Tag?, to target: inout Target
    ) throws(YAMLError) {
        if argumentIsTagged(intrinsic) {
            // The long form: `{Fn::X: !Y ...}`, itself the (tagged) argument of any enclosing function.
            try target.beginMapping(tag: tag)
            try target.key(intrinsic.longFormName)
            try writeArgument(of: intrinsic, tag: nil, to: &target)
            try target.endMapping()
        } else {
            // The short form. `tag` is nil here: an enclosing function whose argument this is
            // sees a tagged argument and takes the long form.
            try writeArgument(of: intrinsic, tag: Tag(intrinsic.shortFormTag), to: &target)
        }
    }

    /// Whether the function's argument is itself written with a tag: only an argument that is
    /// directly a function in the short form is.
    private static func argumentIsTagged(_ intrinsic: Intrinsic) -> Bool {
        switch intrinsic {
        case .getAZs(let argument), .importValue(let argument), .base64(let argument):
            if case .intrinsic(let inner) = argument { return !argumentIsTagged(inner) }
            return false
        default:
            return false
        }
    }

    private static func writeArgument<Target: YAMLEventTarget & ~Copyable>(
        of intrinsic: Intrinsic, tag: Tag?, to target: inout Target
    ) throws(YAMLError) {
        switch intrinsic {
        case .ref(let referenced):
            try target.scalar(Scalar(referenced.logicalID, tag: tag))
        case .condition(let name):
            try target.scalar(Scalar(name, tag: tag))
        case .getAtt(let referenced, let attribute):
            try target.scalar(Scalar("\(referenced.logicalID).\(attribute)", tag: tag))
        case .sub(let template, let variables):
            if variables.isEmpty {
                try target.scalar(Scalar(template.rendered, tag: tag))
                return
            }
            try target.beginSequence(tag: tag)
            try target.scalar(Scalar(template.rendered))
            try target.beginMapping(tag: nil, distinctKeys: variables.count)
            try write(variables, to: &target)
            try target.endMapping()
            try target.endSequence()
        case .join(let delimiter, let values):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try target.scalar(Scalar(delimiter))
                try write(values, to: &target)
            }
        case .select(let index, let list):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try write(index, to: &target)
                try write(list, to: &target)
            }
        case .split(let delimiter, let text):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try target.scalar(Scalar(delimiter))
                try write(text, to: &target)
            }
        case .if(let condition, let then, let otherwise):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try target.scalar(Scalar(condition))
                try write(then, to: &target)
                try write(otherwise, to: &target)
            }
        case .equals(let lhs, let rhs):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try write(lhs, to: &target)
                try write(rhs, to: &target)
            }
        case .and(let conditions), .or(let conditions):
            try write(.list(conditions), tag: tag, to: &target)
        case .not(let condition):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try write(condition, to: &target)
            }
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try target.scalar(Scalar(map))
                try write(topLevelKey, to: &target)
                try write(secondLevelKey, to: &target)
            }
        case .getAZs(let argument), .importValue(let argument), .base64(let argument):
            try write(argument, tag: tag, to: &target)
        case .cidr(let ipBlock, let count, let cidrBits):
            try sequence(tag, &target) { (target: inout Target) throws(YAMLError) in
                try write(ipBlock, to: &target)
                try write(count, to: &target)
                try write(cidrBits, to: &target)
            }
        }
    }

    private static func sequence<Target: YAMLEventTarget & ~Copyable>(
        _ tag: Tag?, _ target: inout Target, _ items: (inout Target) throws(YAMLError) -> Void
    ) throws(YAMLError) {
        try target.beginSequence(tag: tag)
        try items(&target)
        try target.endSequence()
    }
}

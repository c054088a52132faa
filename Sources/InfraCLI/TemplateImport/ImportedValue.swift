import CloudFormation
import TemplateDiff

/// A value of a parsed template file (TemplateDiff's normal form) as the CloudFormation
/// model's `TemplateValue`, with every intrinsic the model knows typed, so validation
/// reads a template written by anyone as it reads a synthesized one.
///
/// The parsed form keeps a scalar's canonical text, not its YAML kind; the kind is read
/// back from the text (`true`, `12`, `1.5`). Validation converts scalars both ways as
/// CloudFormation does ("5" is an integer, 5 a string), so nothing it reports depends on
/// whether a number was quoted.
///
/// A function the model does not type (Fn::Transform, Fn::ToJsonString, Fn::Length,
/// Fn::ForEach, Fn::GetStackOutput, ...) or one whose arguments do not have the shape
/// CloudFormation needs stays an object with its single `Fn::` key, which the catalog
/// check skips.
enum ImportedValue {
    typealias Parsed = TemplateDiff.TemplateValue
    typealias Value = CloudFormation.TemplateValue

    static func value(_ parsed: Parsed) -> Value {
        switch parsed {
        case .scalar(let text): scalar(text)
        case .list(let items): .list(items.map(value))
        case .map(let map): .object(fields(map))
        case .intrinsic(let name, let argument):
            intrinsic(name, argument).map(Value.intrinsic) ?? .object(Fields([(name, value(argument))]))
        }
    }

    static func fields(_ map: TemplateMap) -> Fields {
        Fields(map.entries.map { ($0.key, value($0.value)) })
    }

    /// `true`/`false` are booleans, decimal numbers numbers, everything else text.
    static func scalar(_ text: String) -> Value {
        if text == "true" || text == "false" { return .boolean(text == "true") }
        return isDecimalNumber(text) ? .number(text) : .string(text)
    }

    /// `-12`, `3.5`, `1e6`: JSON's number syntax, with YAML's leading `+` and `.5` allowed.
    static func isDecimalNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var digits = integer.count
        if bytes.first == UInt8(ascii: ".") {
            let fraction = bytes.dropFirst().prefix(while: isDigit)
            digits += fraction.count
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        guard digits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }

    /// The typed intrinsic, or nil when the model has none for this name or these arguments.
    static func intrinsic(_ name: String, _ argument: Parsed) -> Intrinsic? {
        let arguments = argument.listValue ?? []
        switch (name, arguments.count) {
        case ("Ref", _):
            return argument.scalarText.map { .ref(ReferenceTarget($0)) }
        case ("Condition", _):
            return argument.scalarText.map { .condition($0) }
        case ("Fn::GetAtt", 2):
            guard let target = arguments[0].scalarText, let attribute = arguments[1].scalarText else { return nil }
            return .getAtt(ReferenceTarget(target), attribute: attribute)
        case ("Fn::Sub", _):
            if let text = argument.scalarText { return .sub(SubTemplate(parsing: text), variables: Fields()) }
            guard arguments.count == 2, let text = arguments[0].scalarText, let variables = arguments[1].mapValue else { return nil }
            return .sub(SubTemplate(parsing: text), variables: fields(variables))
        case ("Fn::Join", 2):
            return arguments[0].scalarText.map { .join(delimiter: $0, value(arguments[1])) }
        case ("Fn::Split", 2):
            return arguments[0].scalarText.map { .split(delimiter: $0, value(arguments[1])) }
        case ("Fn::Select", 2):
            return .select(index: value(arguments[0]), from: value(arguments[1]))
        case ("Fn::If", 3):
            return arguments[0].scalarText.map { .if(condition: $0, then: value(arguments[1]), else: value(arguments[2])) }
        case ("Fn::Equals", 2):
            return .equals(value(arguments[0]), value(arguments[1]))
        case ("Fn::And", _) where argument.listValue != nil:
            return .and(arguments.map(value))
        case ("Fn::Or", _) where argument.listValue != nil:
            return .or(arguments.map(value))
        case ("Fn::Not", 1):
            return .not(value(arguments[0]))
        case ("Fn::FindInMap", 3):
            return arguments[0].scalarText.map { .findInMap(map: $0, topLevelKey: value(arguments[1]), secondLevelKey: value(arguments[2])) }
        case ("Fn::GetAZs", _):
            return .getAZs(value(argument))
        case ("Fn::ImportValue", _):
            return .importValue(value(argument))
        case ("Fn::Base64", _):
            return .base64(value(argument))
        case ("Fn::Cidr", 3):
            return .cidr(ipBlock: value(arguments[0]), count: value(arguments[1]), cidrBits: value(arguments[2]))
        default:
            return nil
        }
    }
}

/// CloudFormation's intrinsic functions, untyped. The typed front door is `Fn`.
public indirect enum Intrinsic: Hashable, Sendable {
    case ref(ReferenceTarget)
    case getAtt(ReferenceTarget, attribute: String)
    case sub(SubTemplate, variables: Fields)
    case join(delimiter: String, TemplateValue)
    case select(index: TemplateValue, from: TemplateValue)
    case split(delimiter: String, TemplateValue)
    case `if`(condition: String, then: TemplateValue, else: TemplateValue)
    case equals(TemplateValue, TemplateValue)
    case and([TemplateValue])
    case or([TemplateValue])
    case not(TemplateValue)
    case condition(String)
    case findInMap(map: String, topLevelKey: TemplateValue, secondLevelKey: TemplateValue)
    case getAZs(TemplateValue)
    case importValue(TemplateValue)
    case base64(TemplateValue)
    case cidr(ipBlock: TemplateValue, count: TemplateValue, cidrBits: TemplateValue)

    /// The function's long-form key (`Ref`, `Fn::GetAtt`, `Condition`, ...).
    public var longFormName: String {
        switch self {
        case .ref: "Ref"
        case .condition: "Condition"
        case .getAtt: "Fn::GetAtt"
        case .sub: "Fn::Sub"
        case .join: "Fn::Join"
        case .select: "Fn::Select"
        case .split: "Fn::Split"
        case .if: "Fn::If"
        case .equals: "Fn::Equals"
        case .and: "Fn::And"
        case .or: "Fn::Or"
        case .not: "Fn::Not"
        case .findInMap: "Fn::FindInMap"
        case .getAZs: "Fn::GetAZs"
        case .importValue: "Fn::ImportValue"
        case .base64: "Fn::Base64"
        case .cidr: "Fn::Cidr"
        }
    }

    /// The short-form YAML tag (`!Ref`, `!GetAtt`, ...).
    public var shortFormTag: String {
        switch self {
        case .ref: "!Ref"
        case .condition: "!Condition"
        default: "!" + longFormName.dropFirst("Fn::".count)
        }
    }
}

/// Visits every intrinsic inside a value with the property path that leads to it, so that
/// each rule can report exactly where a problem is.
struct ValueWalker {
    enum Use {
        case ref(ReferenceTarget)
        case getAtt(ReferenceTarget, attribute: String)
        /// `${Name}` in a Sub; `variables` are the Sub's own map keys, which shadow everything else.
        case subReference(ReferenceTarget, variables: Set<String>)
        case subAttribute(ReferenceTarget, attribute: String)
        case condition(String)
        case mapping(String)
        case intrinsic(Intrinsic)
    }

    static func walk(_ value: TemplateValue, path: String, _ visit: (Use, String) -> Void) {
        switch value {
        case .string, .number, .boolean:
            return
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk(item, path: "\(path)[\(index)]", visit)
            }
        case .object(let fields):
            for (key, item) in fields.entries {
                walk(item, path: path.isEmpty ? key : "\(path).\(key)", visit)
            }
        case .intrinsic(let intrinsic):
            visit(.intrinsic(intrinsic), path)
            walk(intrinsic, path: path, visit)
        }
    }

    private static func walk(_ intrinsic: Intrinsic, path: String, _ visit: (Use, String) -> Void) {
        let inner = path.isEmpty ? intrinsic.longFormName : "\(path).\(intrinsic.longFormName)"
        switch intrinsic {
        case .ref(let target):
            visit(.ref(target), path)
        case .getAtt(let target, let attribute):
            visit(.getAtt(target, attribute: attribute), path)
        case .condition(let name):
            visit(.condition(name), path)
        case .sub(let template, let variables):
            let names = Set(variables.keys)
            for part in template.parts {
                switch part {
                case .literal: break
                case .reference(let target): visit(.subReference(target, variables: names), path)
                case .attribute(let target, let attribute): visit(.subAttribute(target, attribute: attribute), path)
                }
            }
            walk(.object(variables), path: inner, visit)
        case .if(let condition, let then, let otherwise):
            visit(.condition(condition), path)
            walk(then, path: "\(inner)[1]", visit)
            walk(otherwise, path: "\(inner)[2]", visit)
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            visit(.mapping(map), path)
            walk(topLevelKey, path: "\(inner)[1]", visit)
            walk(secondLevelKey, path: "\(inner)[2]", visit)
        case .join(_, let value), .split(_, let value), .getAZs(let value), .importValue(let value), .base64(let value), .not(let value):
            walk(value, path: inner, visit)
        case .select(let index, let list):
            walk(index, path: "\(inner)[0]", visit)
            walk(list, path: "\(inner)[1]", visit)
        case .equals(let lhs, let rhs):
            walk(lhs, path: "\(inner)[0]", visit)
            walk(rhs, path: "\(inner)[1]", visit)
        case .and(let items), .or(let items):
            walk(.list(items), path: inner, visit)
        case .cidr(let ipBlock, let count, let cidrBits):
            walk(.list([ipBlock, count, cidrBits]), path: inner, visit)
        }
    }
}

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

    /// Where a value sits, e.g. `Properties.Policies[0].PolicyDocument`: the element's prefix
    /// and the keys and indexes below it. Kept as steps and made into text only when a rule
    /// reports a problem there, since nearly every visit reports nothing.
    struct Path: CustomStringConvertible {
        enum Step {
            case key(String)
            case index(Int)
        }

        let prefix: String
        fileprivate var steps: [Step] = []

        var description: String {
            var text = prefix
            for step in steps {
                switch step {
                case .key(let key):
                    let shown = Diagnostic.abbreviated(key)
                    text = text.isEmpty ? shown : "\(text).\(shown)"
                case .index(let index): text = "\(text)[\(index)]"
                }
            }
            return text
        }
    }

    static func walk(_ value: TemplateValue, path: String, _ visit: (Use, Path) -> Void) {
        var path = Path(prefix: path)
        walk(value, &path, visit)
    }

    private static func walk(_ value: TemplateValue, _ path: inout Path, _ visit: (Use, Path) -> Void) {
        switch value {
        case .string, .number, .boolean:
            return
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk(item, at: .index(index), &path, visit)
            }
        case .object(let fields):
            for (key, item) in fields.entries {
                walk(item, at: .key(key), &path, visit)
            }
        case .intrinsic(let intrinsic):
            visit(.intrinsic(intrinsic), path)
            walk(intrinsic, &path, visit)
        }
    }

    /// Walks `value` one step below `path`.
    private static func walk(_ value: TemplateValue, at step: Path.Step, _ path: inout Path, _ visit: (Use, Path) -> Void) {
        path.steps.append(step)
        walk(value, &path, visit)
        path.steps.removeLast()
    }

    private static func walk(_ intrinsic: Intrinsic, _ path: inout Path, _ visit: (Use, Path) -> Void) {
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
            walk(.object(variables), at: .key(intrinsic.longFormName), &path, visit)
        case .if(let condition, let then, let otherwise):
            visit(.condition(condition), path)
            walkArguments(of: intrinsic, (1, then), (2, otherwise), &path, visit)
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            visit(.mapping(map), path)
            walkArguments(of: intrinsic, (1, topLevelKey), (2, secondLevelKey), &path, visit)
        case .join(_, let value), .split(_, let value), .getAZs(let value), .importValue(let value), .base64(let value), .not(let value):
            walk(value, at: .key(intrinsic.longFormName), &path, visit)
        case .select(let index, let list):
            walkArguments(of: intrinsic, (0, index), (1, list), &path, visit)
        case .equals(let lhs, let rhs):
            walkArguments(of: intrinsic, (0, lhs), (1, rhs), &path, visit)
        case .and(let items), .or(let items):
            walk(.list(items), at: .key(intrinsic.longFormName), &path, visit)
        case .cidr(let ipBlock, let count, let cidrBits):
            walk(.list([ipBlock, count, cidrBits]), at: .key(intrinsic.longFormName), &path, visit)
        }
    }

    /// Walks two of an intrinsic's arguments, each at `Fn::Name[position]`.
    private static func walkArguments(
        of intrinsic: Intrinsic,
        _ first: (position: Int, value: TemplateValue),
        _ second: (position: Int, value: TemplateValue),
        _ path: inout Path,
        _ visit: (Use, Path) -> Void
    ) {
        path.steps.append(.key(intrinsic.longFormName))
        walk(first.value, at: .index(first.position), &path, visit)
        walk(second.value, at: .index(second.position), &path, visit)
        path.steps.removeLast()
    }
}

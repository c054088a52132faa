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
    /// and a node of the walk's step tree. Made into text only when a rule reports a problem
    /// there, since nearly every visit reports nothing; a node shares its parents, so keeping
    /// a path for every use copies nothing.
    struct Path: CustomStringConvertible, Sendable {
        enum Step {
            case key(String)
            case index(Int)
        }

        let prefix: String
        fileprivate let tree: StepTree
        /// The last step's node; -1 at the prefix itself.
        fileprivate let node: Int

        var description: String {
            var steps: [Step] = []
            var current = node
            while current >= 0 {
                steps.append(tree.steps[current])
                current = tree.parents[current]
            }
            var text = prefix
            for step in steps.reversed() {
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

    /// Every step the walks took, each with its parent's node: appended to while walking
    /// (by one walker at a time), only read after.
    final class StepTree: @unchecked Sendable {
        @exclusivity(unchecked) fileprivate var steps: [Path.Step] = []
        @exclusivity(unchecked) fileprivate var parents: [Int] = []
    }

    /// Where the walk is: the element's prefix and the current node.
    private struct Cursor {
        let prefix: String
        let tree: StepTree
        var node = -1

        var path: Path { Path(prefix: prefix, tree: tree, node: node) }

        mutating func push(_ step: Path.Step) {
            tree.steps.append(step)
            tree.parents.append(node)
            node = tree.steps.count - 1
        }

        mutating func pop() { node = tree.parents[node] }
    }

    static func walk(_ value: TemplateValue, path: String, tree: StepTree, _ visit: (Use, Path) -> Void) {
        var cursor = Cursor(prefix: path, tree: tree)
        walk(value, &cursor, visit)
    }

    private static func walk(_ value: TemplateValue, _ cursor: inout Cursor, _ visit: (Use, Path) -> Void) {
        switch value {
        case .string, .number, .boolean:
            return
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk(item, at: .index(index), &cursor, visit)
            }
        case .object(let fields):
            for (key, item) in fields.entries {
                walk(item, at: .key(key), &cursor, visit)
            }
        case .intrinsic(let intrinsic):
            visit(.intrinsic(intrinsic), cursor.path)
            walk(intrinsic, &cursor, visit)
        }
    }

    /// Walks `value` one step below the cursor.
    private static func walk(_ value: TemplateValue, at step: Path.Step, _ cursor: inout Cursor, _ visit: (Use, Path) -> Void) {
        // Scalars hold no intrinsic: no step is recorded for them.
        switch value {
        case .string, .number, .boolean: return
        default: break
        }
        cursor.push(step)
        walk(value, &cursor, visit)
        cursor.pop()
    }

    private static func walk(_ intrinsic: Intrinsic, _ cursor: inout Cursor, _ visit: (Use, Path) -> Void) {
        switch intrinsic {
        case .ref(let target):
            visit(.ref(target), cursor.path)
        case .getAtt(let target, let attribute):
            visit(.getAtt(target, attribute: attribute), cursor.path)
        case .condition(let name):
            visit(.condition(name), cursor.path)
        case .sub(let template, let variables):
            let names = Set(variables.keys)
            for part in template.parts {
                switch part {
                case .literal: break
                case .reference(let target): visit(.subReference(target, variables: names), cursor.path)
                case .attribute(let target, let attribute): visit(.subAttribute(target, attribute: attribute), cursor.path)
                }
            }
            walk(.object(variables), at: .key(intrinsic.longFormName), &cursor, visit)
        case .if(let condition, let then, let otherwise):
            visit(.condition(condition), cursor.path)
            walkArguments(of: intrinsic, (1, then), (2, otherwise), &cursor, visit)
        case .findInMap(let map, let topLevelKey, let secondLevelKey):
            visit(.mapping(map), cursor.path)
            walkArguments(of: intrinsic, (1, topLevelKey), (2, secondLevelKey), &cursor, visit)
        case .join(_, let value), .split(_, let value), .getAZs(let value), .importValue(let value), .base64(let value), .not(let value):
            walk(value, at: .key(intrinsic.longFormName), &cursor, visit)
        case .select(let index, let list):
            walkArguments(of: intrinsic, (0, index), (1, list), &cursor, visit)
        case .equals(let lhs, let rhs):
            walkArguments(of: intrinsic, (0, lhs), (1, rhs), &cursor, visit)
        case .and(let items), .or(let items):
            walk(.list(items), at: .key(intrinsic.longFormName), &cursor, visit)
        case .cidr(let ipBlock, let count, let cidrBits):
            walk(.list([ipBlock, count, cidrBits]), at: .key(intrinsic.longFormName), &cursor, visit)
        }
    }

    /// Walks two of an intrinsic's arguments, each at `Fn::Name[position]`.
    private static func walkArguments(
        of intrinsic: Intrinsic,
        _ first: (position: Int, value: TemplateValue),
        _ second: (position: Int, value: TemplateValue),
        _ cursor: inout Cursor,
        _ visit: (Use, Path) -> Void
    ) {
        cursor.push(.key(intrinsic.longFormName))
        walk(first.value, at: .index(first.position), &cursor, visit)
        walk(second.value, at: .index(second.position), &cursor, visit)
        cursor.pop()
    }
}

import CloudFormation

// Reading rendered properties back. Validation runs on what a resource rendered, after
// property overrides (`Resource.validate(rendered:in:)`), so that a value set through the
// escape hatch is checked like a typed one.
extension TemplateValue {
    var objectFields: Fields? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    var listItems: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    var literalBoolean: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    /// A value as a reviewer would recognise it in a message: the literal, or `!Ref X` and the like.
    var summary: String {
        switch self {
        case .string(let text), .number(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.map(\.summary).joined(separator: ", ") + "]"
        case .object: "{...}"
        case .intrinsic(.ref(let target)): "!Ref \(target.logicalID)"
        case .intrinsic(.getAtt(let target, let attribute)): "!GetAtt \(target.logicalID).\(attribute)"
        case .intrinsic(.sub(let template, _)): "!Sub '\(template.rendered)'"
        case .intrinsic(let intrinsic): intrinsic.shortFormTag
        }
    }
}

/// A property path as diagnostics print it: `Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput`.
/// The rules build a path for every value they check and report few: the steps are kept, and
/// made into text only when a message prints them.
struct PropertyPath: CustomStringConvertible, Sendable {
    private indirect enum Steps: Sendable {
        case properties
        case key(Steps, String)
        case index(Steps, Int)
    }

    private let steps: Steps

    static let properties = PropertyPath(steps: .properties)

    private init(steps: Steps) { self.steps = steps }

    /// A long key (an environment variable's name) is shortened, as messages show values.
    func key(_ key: String) -> PropertyPath { PropertyPath(steps: .key(steps, key)) }
    func index(_ index: Int) -> PropertyPath { PropertyPath(steps: .index(steps, index)) }
    /// A prefix for `key`: `Properties.ProvisionedThroughput` from `properties / "ProvisionedThroughput"`.
    static func / (path: PropertyPath, key: String) -> PropertyPath { path.key(key) }

    var description: String { Self.text(of: steps) }

    private static func text(of steps: Steps) -> String {
        switch steps {
        case .properties: "Properties"
        case .key(let parent, let key): "\(text(of: parent)).\(Diagnostic.abbreviated(key))"
        case .index(let parent, let index): "\(text(of: parent))[\(index)]"
        }
    }
}

extension SynthesisContext {
    func error(_ resource: Resource, at path: PropertyPath, _ message: String) {
        error(resource, path: path.description, message)
    }

    func warning(_ resource: Resource, at path: PropertyPath, _ message: String) {
        warning(resource, path: path.description, message)
    }
}

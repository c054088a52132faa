import CloudFormation

/// Tags for a resource, rendered as CloudFormation's `[{Key, Value}]` list.
///
/// They keep their declaration order, like every other ordered setting in `infra` (Fields,
/// environment variables): the order is deterministic either way, and the author's grouping
/// reads better in review than an alphabetical one. A key given twice is an error.
public struct ResourceTags: Sendable, ExpressibleByDictionaryLiteral {
    public typealias Key = String
    // `Value` is also the literal protocol's associated type; the module name tells them apart.
    public typealias Value = CloudFormation.Value<String>

    public private(set) var pairs: [(key: String, value: Value)]

    public init(_ pairs: [(key: String, value: Value)] = []) {
        self.pairs = pairs
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        pairs = elements.map { (key: $0.0, value: $0.1) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    public mutating func add(_ key: String, _ value: Value) {
        pairs.append((key, value))
    }

    /// The tags as a generated L1 type's `Tag` list, nil when there are none.
    func typed<Tag: TagPair>(as type: Tag.Type = Tag.self) -> [Tag]? {
        guard !pairs.isEmpty else { return nil }
        return pairs.map { Tag(key: CloudFormation.Value($0.key), value: $0.value) }
    }

    /// The rendered list, nil when there are no tags.
    var rendered: TemplateValue? {
        typed(as: RenderedTag.self)?.templateValue
    }

    /// At most 50 per resource.
    static let maximumCount = 50

    /// Checks the tags as they deploy (a generated L1 type's `Tags`, decoded after overrides),
    /// so that tags set by an override are checked too: at most 50; keys of 1 to 128
    /// characters, values up to 256, no `aws:` prefix (reserved by AWS), no duplicates. A key
    /// or value resolved at deploy time is not checked.
    static func validate(_ tags: [some TagPair]?, of resource: Resource, in context: SynthesisContext) {
        let items = tags ?? []
        let path = PropertyPath.properties / "Tags"
        if items.count > maximumCount {
            context.error(resource, at: path, "the resource has \(items.count) tags; AWS allows \(maximumCount)")
        }
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            guard let key = item.key.literal else { continue }
            if !seen.insert(key).inserted {
                context.error(resource, at: path.index(index).key("Key"), "tag '\(Diagnostic.abbreviated(key))' is given twice")
            }
            if key.isEmpty || key.count > 128 {
                context.error(resource, at: path.index(index).key("Key"), "a tag key has 1 to 128 characters; '\(Diagnostic.abbreviated(key))' has \(key.count)")
            }
            if key.lowercased().hasPrefix("aws:") {
                context.error(resource, at: path.index(index).key("Key"), "tag keys starting with 'aws:' are reserved for AWS")
            }
            if let value = item.value.literal, value.count > 256 {
                context.error(resource, at: path.index(index).key("Value"), "a tag value has at most 256 characters; the value of '\(Diagnostic.abbreviated(key))' has \(value.count)")
            }
        }
    }

    /// The same checks on a rendered `Tags` list, for the resources not yet rendered through
    /// their L1 type (the Lambda function).
    static func validate(rendered tags: TemplateValue?, of resource: Resource, in context: SynthesisContext) {
        validate(tags.flatMap([RenderedTag].init(decoding:)), of: resource, in: context)
    }
}

/// A tag of a generated L1 type (`CfnTable.Tag`, `CfnRole.Tag`, ...): each type has its own
/// struct, all of this shape.
protocol TagPair: TemplateRepresentable, TemplateDecodable {
    init(key: CloudFormation.Value<String>, value: CloudFormation.Value<String>)
    var key: CloudFormation.Value<String> { get }
    var value: CloudFormation.Value<String> { get }
}

/// `{Key, Value}`, CloudFormation's tag shape, for `ResourceTags.rendered`.
private struct RenderedTag: TagPair {
    let key: CloudFormation.Value<String>
    let value: CloudFormation.Value<String>

    init(key: CloudFormation.Value<String>, value: CloudFormation.Value<String>) {
        self.key = key
        self.value = value
    }

    init?(decoding value: TemplateValue) {
        guard let fields = Fields(decoding: value),
              let key = fields.decode("Key", as: CloudFormation.Value<String>.self),
              let tagValue = fields.decode("Value", as: CloudFormation.Value<String>.self) else { return nil }
        self.init(key: key, value: tagValue)
    }

    var templateValue: TemplateValue { .object(["Key": key.raw, "Value": value.raw]) }
}

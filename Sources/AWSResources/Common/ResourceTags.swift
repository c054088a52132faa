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

    /// The rendered list, nil when there are no tags.
    var rendered: TemplateValue? {
        guard !pairs.isEmpty else { return nil }
        return .list(pairs.map { .object(["Key": .string($0.key), "Value": $0.value.raw]) })
    }

    /// At most 50 per resource.
    static let maximumCount = 50

    /// Checks the rendered `Tags` list, so that tags set by an override are checked too: at
    /// most 50; keys of 1 to 128 characters, values up to 256, no `aws:` prefix (reserved by
    /// AWS), no duplicates. A key or value resolved at deploy time is not checked.
    static func validate(rendered tags: TemplateValue?, of resource: Resource, in context: SynthesisContext) {
        let items = tags?.listItems ?? []
        let path = PropertyPath.properties / "Tags"
        if items.count > maximumCount {
            context.error(resource, at: path, "the resource has \(items.count) tags; AWS allows \(maximumCount)")
        }
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let fields = item.objectFields ?? Fields()
            guard let key = fields["Key"]?.literalString else { continue }
            if !seen.insert(key).inserted {
                context.error(resource, at: path.index(index).key("Key"), "tag '\(Diagnostic.abbreviated(key))' is given twice")
            }
            if key.isEmpty || key.count > 128 {
                context.error(resource, at: path.index(index).key("Key"), "a tag key has 1 to 128 characters; '\(Diagnostic.abbreviated(key))' has \(key.count)")
            }
            if key.lowercased().hasPrefix("aws:") {
                context.error(resource, at: path.index(index).key("Key"), "tag keys starting with 'aws:' are reserved for AWS")
            }
            if let value = fields["Value"]?.literalString, value.count > 256 {
                context.error(resource, at: path.index(index).key("Value"), "a tag value has at most 256 characters; the value of '\(Diagnostic.abbreviated(key))' has \(value.count)")
            }
        }
    }
}

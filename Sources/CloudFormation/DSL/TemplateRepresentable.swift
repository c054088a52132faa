/// A value that renders to a template value: what the generated L1 resources
/// (`Sources/AWSGenerated`) store in their properties. `Value<Kind>`, `TemplateValue`, lists
/// and string-keyed maps of such values, and every generated property struct conform, so a
/// generated `properties(in:)` is one `x?.templateValue` per property.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension Value: TemplateRepresentable {
    public var templateValue: TemplateValue { raw }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue { self }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    // A closure rather than `map(\.templateValue)`: in this generic context the runtime
    // instantiates a key path on every call (`swift_getKeyPath`), which cost more than
    // rendering the elements. Inlinable, so that a caller in another module (the generated
    // L1 classes) gets a copy specialized for its element type instead of mapping through
    // witness tables.
    @inlinable public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
    /// Keys in sorted order, so the output does not depend on hashing.
    public var templateValue: TemplateValue {
        .object(Fields(sorted { $0.key < $1.key }.map { ($0.key, $0.value.templateValue) }))
    }
}

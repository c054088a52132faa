/// A value that can be read back from its rendered form: what lets a generated L1 resource
/// (`CfnTable(_:decoding:)`) be rebuilt from properties after overrides, so the rules of a
/// hand-written resource run on typed values whether a property came from the typed model or
/// from `addPropertyOverride`.
///
/// Decoding never judges types; the catalog's checks report a value of the wrong shape.
/// - `Value<Kind>` and `TemplateValue` take any value as it is (a literal or an intrinsic);
///   a literal of another shape stays in the value unchecked, and the typed readers
///   (`literal`, `literalInteger`) answer nil for it.
/// - A property struct needs an object with its required keys; a list needs a list and a map
///   an object whose every element decodes. Anything else (an intrinsic such as `Fn::If` that
///   gives the object at deploy time, a scalar) decodes as absent: nothing typed to check.
/// - Keys a type does not have are ignored (the catalog reports them).
public protocol TemplateDecodable {
    init?(decoding value: TemplateValue)
}

extension Value: TemplateDecodable {
    public init(decoding value: TemplateValue) { self.init(unchecked: value) }
}

extension TemplateValue: TemplateDecodable {
    public init(decoding value: TemplateValue) { self = value }
}

extension Array: TemplateDecodable where Element: TemplateDecodable {
    /// Inlinable, like the lists' `templateValue`: specialized in the caller's module.
    @inlinable public init?(decoding value: TemplateValue) {
        guard case .list(let items) = value else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(items.count)
        for item in items {
            guard let element = Element(decoding: item) else { return nil }
            elements.append(element)
        }
        self = elements
    }
}

extension Dictionary: TemplateDecodable where Key == String, Value: TemplateDecodable {
    public init?(decoding value: TemplateValue) {
        guard case .object(let fields) = value else { return nil }
        var result: [String: Value] = [:]
        for (key, item) in fields.entries {
            guard let element = Value(decoding: item) else { return nil }
            result[key] = element
        }
        self = result
    }
}

extension Fields {
    /// The fields of an object value; nil for anything else.
    public init?(decoding value: TemplateValue) {
        guard case .object(let fields) = value else { return nil }
        self = fields
    }

    /// The value at `key` decoded as `type`; nil when absent or not of that shape. Inlinable,
    /// so that the generated decoders' calls are specialized for their types.
    @inlinable public func decode<T: TemplateDecodable>(_ key: String, as type: T.Type) -> T? {
        guard let value = self[key] else { return nil }
        return T(decoding: value)
    }
}

extension Value where Kind == Int {
    /// The literal integer, when the value is not an intrinsic.
    public var literal: Int? { raw.literalInteger }
}

extension Value where Kind == Double {
    /// The literal number, when the value is not an intrinsic: a number, or a string
    /// CloudFormation would read as one (`Value(Double.infinity)` is the string `inf`).
    public var literal: Double? {
        switch raw {
        case .number(let text), .string(let text): Double(text)
        default: nil
        }
    }
}

extension Value where Kind == Bool {
    /// The literal flag, when the value is not an intrinsic.
    public var literal: Bool? {
        if case .boolean(let flag) = raw { return flag }
        return nil
    }
}

extension Value where Kind == [String] {
    /// The items of a literal list (each a literal or an intrinsic); nil for a list given at
    /// deploy time (a list parameter, `Fn::GetAZs`).
    public var items: [Value<String>]? {
        if case .list(let items) = raw { return items.map { Value<String>(unchecked: $0) } }
        return nil
    }
}

/// A resource type that can be rebuilt from its rendered properties: every generated L1
/// class (`CfnQueue(_:decoding:)`), listed per module in `AWS<Service>ResourceTypes.all`.
public protocol DecodableResource: Resource {
    /// nil when a required property is missing or not of its shape.
    init?(_ logicalID: String, decoding properties: Fields)
}

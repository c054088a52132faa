/// A value as it stands in a template: a literal, a list, an object or an intrinsic function.
///
/// This is the untyped model that validation and rendering work on. Users build it through
/// the typed `Value<Kind>` wrapper, which keeps a list from standing where a string belongs.
public indirect enum TemplateValue: Hashable, Sendable {
    case string(String)
    /// A number in its decimal text, so that what is written is exactly what was given.
    case number(String)
    case boolean(Bool)
    case list([TemplateValue])
    case object(Fields)
    case intrinsic(Intrinsic)

    public static func integer<I: BinaryInteger>(_ value: I) -> TemplateValue { .number(String(value)) }

    /// The literal integer this value holds, if it is one (intrinsics resolve only at deploy time).
    public var literalInteger: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The literal string this value holds, if it is one.
    public var literalString: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Fields(elements))
    }
}

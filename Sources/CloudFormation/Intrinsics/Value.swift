import InfraYAML

/// A template value whose CloudFormation type is known at compile time.
///
/// `Kind` is a Swift type standing for what CloudFormation resolves the value to:
/// `String`, `Int`, `Double`, `Bool` or `[String]`. A list parameter is a `Value<[String]>`
/// and so does not fit where a `Value<String>` is expected.
public struct Value<Kind>: Hashable, Sendable {
    public let raw: TemplateValue

    /// Wraps an untyped value; the caller vouches for its type (escape hatch).
    public init(unchecked raw: TemplateValue) {
        self.raw = raw
    }
}

extension Value where Kind == String {
    public init(_ text: String) { raw = .string(text) }
}

extension Value: ExpressibleByUnicodeScalarLiteral where Kind == String {
    public init(unicodeScalarLiteral value: String) { raw = .string(value) }
}

extension Value: ExpressibleByExtendedGraphemeClusterLiteral where Kind == String {
    public init(extendedGraphemeClusterLiteral value: String) { raw = .string(value) }
}

extension Value: ExpressibleByStringLiteral where Kind == String {
    public init(stringLiteral value: String) { raw = .string(value) }
}

extension Value: ExpressibleByIntegerLiteral where Kind == Int {
    public init(integerLiteral value: Int) { raw = .integer(value) }
}

extension Value where Kind == Int {
    public init(_ value: Int) { raw = .integer(value) }
}

extension Value: ExpressibleByFloatLiteral where Kind == Double {
    public init(floatLiteral value: Double) { self.init(value) }
}

extension Value where Kind == Double {
    /// Written so that YAML 1.1 and 1.2 readers both read a number (`Node.numberText`).
    /// Infinity and NaN, which CloudFormation cannot take, become strings.
    public init(_ value: Double) {
        raw = Node.numberText(value).map { .number($0) } ?? .string(String(value))
    }
}

extension Value: ExpressibleByBooleanLiteral where Kind == Bool {
    public init(booleanLiteral value: Bool) { raw = .boolean(value) }
}

extension Value: ExpressibleByArrayLiteral where Kind == [String] {
    public init(arrayLiteral elements: Value<String>...) { raw = .list(elements.map(\.raw)) }
}

extension Value where Kind == [String] {
    public init(_ elements: [Value<String>]) { raw = .list(elements.map(\.raw)) }
}

extension Value where Kind == String {
    /// The literal text, when the value is not an intrinsic.
    public var literal: String? { raw.literalString }
}

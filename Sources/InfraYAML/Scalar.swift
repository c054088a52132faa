/// A scalar node: its text, what it means, an optional tag and a requested style.
public struct Scalar: Hashable, Sendable {
    /// What a scalar stands for. It decides how the emitter may write it:
    /// a `.string` is quoted wherever a reader could resolve it as anything else,
    /// the others are written plain so that readers resolve them as intended.
    public enum Kind: Hashable, Sendable {
        case string
        case number
        case boolean
        case null
    }

    /// How the scalar was written (parser) or should be written (emitter).
    /// `.automatic` lets the emitter decide from the content; an explicit style is a
    /// request that the emitter honours only when it keeps the meaning.
    public enum Style: Hashable, Sendable {
        case automatic
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var text: String
    public var kind: Kind
    public var tag: Tag?
    public var style: Style

    public init(_ text: String, kind: Kind = .string, tag: Tag? = nil, style: Style = .automatic) {
        self.text = text
        self.kind = kind
        self.tag = tag
        self.style = style
    }
}

// The scalars of ``Node``'s number and boolean factories, for producers that hand over
// events (``YAMLEventTarget``) rather than nodes.
extension Scalar {
    /// An integer, written plain so that readers resolve it as a number.
    public static func integer<I: BinaryInteger>(_ value: I) -> Scalar {
        Scalar(String(value), kind: .number)
    }

    /// A real number as ``Node/number(_:)`` writes it: infinity and NaN as strings.
    public static func number(_ value: Double) -> Scalar {
        guard let text = Node.numberText(value) else { return Scalar(String(value)) }
        return Scalar(text, kind: .number)
    }

    /// `true` or `false`, written plain.
    public static func boolean(_ value: Bool) -> Scalar {
        Scalar(value ? "true" : "false", kind: .boolean)
    }
}

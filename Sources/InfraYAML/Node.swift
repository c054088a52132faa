/// A YAML document's content as a tree: what the emitter writes and the parser reads.
///
/// Any node may carry a tag (`!Sub` on a sequence, `!GetAtt` on a scalar), because
/// CloudFormation's short-form intrinsics are tags on ordinary nodes.
public enum Node: Hashable, Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// The node's tag, if any, whatever its kind; settable, so that tagging a node does not
    /// need a switch over the kinds.
    public var tag: Tag? {
        get {
            switch self {
            case .scalar(let scalar): scalar.tag
            case .sequence(let sequence): sequence.tag
            case .mapping(let mapping): mapping.tag
            }
        }
        set {
            switch self {
            case .scalar(var scalar): scalar.tag = newValue; self = .scalar(scalar)
            case .sequence(var sequence): sequence.tag = newValue; self = .sequence(sequence)
            case .mapping(var mapping): mapping.tag = newValue; self = .mapping(mapping)
            }
        }
    }
}

extension Node {
    /// A string; the emitter chooses a style that every YAML 1.1 and 1.2 reader reads back as this string.
    public static func string(_ text: String, tag: Tag? = nil) -> Node {
        .scalar(Scalar(text, tag: tag))
    }

    /// An integer, written plain so that readers resolve it as a number.
    public static func integer<I: BinaryInteger>(_ value: I) -> Node {
        .scalar(.integer(value))
    }

    /// A real number, written plain so that YAML 1.1 and 1.2 readers both resolve it as one.
    /// Infinity and NaN are written as strings: CloudFormation has no use for them, and YAML
    /// spells them differently from Swift (`.inf`, `.nan`).
    public static func number(_ value: Double) -> Node {
        .scalar(.number(value))
    }

    /// How a finite real number is written: whole numbers without a fraction (`3`, not
    /// `3.0`), and exponents with a fraction (`1.0e-05`): YAML 1.1 reads `1e-05` as a
    /// string, YAML 1.2 as a number. Nil for infinity and NaN.
    public static func numberText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if abs(value) < 1e15, let whole = Int64(exactly: value) {
            return String(whole)
        }
        let text = String(value)
        guard let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              !text[..<exponent].contains(".") else { return text }
        return text[..<exponent] + ".0" + text[exponent...]
    }

    /// `true` or `false`, written plain.
    public static func boolean(_ value: Bool) -> Node {
        .scalar(.boolean(value))
    }

    /// An explicit null (`null`).
    public static var null: Node { .scalar(Scalar("null", kind: .null)) }

    public static func sequence(_ items: [Node], tag: Tag? = nil) -> Node {
        .sequence(Sequence(items, tag: tag))
    }

    /// The scalar's text, when the node is a scalar.
    public var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.text }
        return nil
    }
}

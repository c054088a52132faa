/// A YAML document's content as a tree: what the emitter writes and the parser reads.
///
/// Any node may carry a tag (`!Sub` on a sequence, `!GetAtt` on a scalar), because
/// CloudFormation's short-form intrinsics are tags on ordinary nodes.
public enum Node: Hashable, Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// The node's tag, if any, whatever its kind.
    public var tag: Tag? {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .sequence(let sequence): sequence.tag
        case .mapping(let mapping): mapping.tag
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
        .scalar(Scalar(String(value), kind: .number))
    }

    /// A real number, written plain. Non-finite values have no portable YAML spelling and are written as strings.
    public static func number(_ value: Double) -> Node {
        guard value.isFinite else { return .string(String(value)) }
        // Whole numbers read best without a trailing ".0"; the range check keeps Int64(_:) from trapping.
        if abs(value) < 1e15, Double(Int64(value)) == value {
            return .scalar(Scalar(String(Int64(value)), kind: .number))
        }
        return .scalar(Scalar(String(value), kind: .number))
    }

    /// `true` or `false`, written plain.
    public static func boolean(_ value: Bool) -> Node {
        .scalar(Scalar(value ? "true" : "false", kind: .boolean))
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

import CloudFormation

/// Which attributes an index copies from the table.
public enum Projection: Hashable, Sendable {
    /// Every attribute: the most flexible, and the largest index.
    case all
    /// The table's and the index's keys only.
    case keysOnly
    /// The keys plus these non-key attributes (at least one).
    case include([String])

    var rendered: TemplateValue {
        switch self {
        case .all: .object(["ProjectionType": "ALL"])
        case .keysOnly: .object(["ProjectionType": "KEYS_ONLY"])
        case .include(let attributes):
            .object(["ProjectionType": "INCLUDE", "NonKeyAttributes": .list(attributes.map { .string($0) })])
        }
    }

    var nonKeyAttributes: [String] {
        if case .include(let attributes) = self { return attributes }
        return []
    }
}

import AWSDynamoDB
import CloudFormation

/// Which attributes an index copies from the table.
public enum Projection: Hashable, Sendable {
    /// Every attribute: the most flexible, and the largest index.
    case all
    /// The table's and the index's keys only.
    case keysOnly
    /// The keys plus these non-key attributes (at least one).
    case include([String])

    var cfnProjection: CfnTable.Projection {
        switch self {
        case .all: CfnTable.Projection(projectionType: .all)
        case .keysOnly: CfnTable.Projection(projectionType: .keysOnly)
        case .include(let attributes): CfnTable.Projection(nonKeyAttributes: Value(attributes.map { Value($0) }), projectionType: .include)
        }
    }

    var nonKeyAttributes: [String] {
        if case .include(let attributes) = self { return attributes }
        return []
    }
}

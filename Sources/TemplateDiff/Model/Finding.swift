/// A consequence of the changes that a reviewer must see: a failure, a loss or a replacement.
public struct Finding: Hashable, Sendable {
    /// Most serious first.
    public enum Kind: Int, Hashable, Sendable, Comparable, CaseIterable {
        /// CloudFormation will reject the update or roll it back.
        case willFail
        /// Data is deleted: a stateful resource is removed or replaced without Retain.
        case dataLoss
        /// A resource is replaced (a new physical resource, a new ARN).
        case replacement
        /// A stateful resource loses its Retain (or Snapshot): a later removal or replacement
        /// deletes its data.
        case retentionRemoved
        /// A change to a type the resource catalog does not have (a custom resource, a module,
        /// a type newer than the catalog): never assumed safe.
        case cannotJudge
        /// The update itself succeeds, but something that depends on the resource stops working.
        case breaksDependents
        /// Worth knowing, needs no approval.
        case note

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Whether the change needs `--allow-replacement` to exit with 1 instead of 3.
        public var needsApproval: Bool { self != .note }

        public var label: String {
            switch self {
            case .willFail: "will fail"
            case .dataLoss: "data loss"
            case .replacement: "replacement"
            case .retentionRemoved: "retention removed"
            case .cannotJudge: "cannot judge"
            case .breaksDependents: "breaks dependents"
            case .note: "note"
            }
        }

        public var identifier: String {
            switch self {
            case .willFail: "willFail"
            case .dataLoss: "dataLoss"
            case .replacement: "replacement"
            case .retentionRemoved: "retentionRemoved"
            case .cannotJudge: "cannotJudge"
            case .breaksDependents: "breaksDependents"
            case .note: "note"
            }
        }
    }

    public let kind: Kind
    /// The resource (or, for a parameter note, the parameter) the finding is about;
    /// `--allow-replacement` accepts it by this ID.
    public let logicalID: String
    public let message: String

    public init(_ kind: Kind, _ logicalID: String, _ message: String) {
        self.kind = kind
        self.logicalID = logicalID
        self.message = message
    }
}

/// An IAM action such as `dynamodb:Query`.
///
/// Each service's actions are an enum with one case per action (`DynamoDBAction.query`), and
/// none of those enums has a wildcard case: `dynamodb:*` or `*` cannot be written with the
/// typed API. `UncheckedAction` is the escape hatch; validation warns about its wildcards.
public protocol IAMAction: Sendable {
    /// The action as IAM spells it, `service:Action`.
    var actionName: String { get }
}

extension IAMAction where Self: RawRepresentable, RawValue == String {
    public var actionName: String { rawValue }
}

/// Any action by name, for one the typed enums do not list yet. Validation warns when it
/// holds a wildcard (`*`), and reports an error when it is not of the form `service:Action`.
public struct UncheckedAction: IAMAction, Hashable {
    public let actionName: String

    public init(_ actionName: String) {
        self.actionName = actionName
    }
}

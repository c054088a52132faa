/// One filter of a stream mapping: a record is processed when all of the filter's conditions
/// hold (and a mapping with several filters processes a record that any filter matches).
///
///     StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))
///
/// renders as `{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}`.
public struct StreamFilter: Hashable, Sendable {
    public let conditions: [FilterCondition]

    public init(_ conditions: FilterCondition...) {
        self.conditions = conditions
    }

    public init(conditions: [FilterCondition]) {
        self.conditions = conditions
    }
}

/// A stream record's event name.
public enum StreamEventName: String, Hashable, Sendable, CaseIterable {
    case insert = "INSERT"
    case modify = "MODIFY"
    case remove = "REMOVE"
}

/// One condition of a filter: a field of the stream record and the values it may take.
public struct FilterCondition: Hashable, Sendable {
    enum Field: Hashable, Sendable {
        case eventName
        /// A key attribute of the table, whose type comes from the table's key schema.
        case key(String)
        case newImage(String, AttributeType)
        case oldImage(String, AttributeType)
    }

    let field: Field
    let matches: [FilterMatch]

    /// The kind of change: `.eventName(.insert, .modify)`.
    public static func eventName(_ names: StreamEventName...) -> FilterCondition {
        FilterCondition(field: .eventName, matches: names.map { .equals($0.rawValue) })
    }

    /// A key attribute of the table (stream records carry the table's keys under
    /// `dynamodb.Keys`); its type is the key's.
    public static func key(_ attribute: String, _ matches: FilterMatch...) -> FilterCondition {
        FilterCondition(field: .key(attribute), matches: matches)
    }

    /// An attribute of the item after the change (needs a NEW_IMAGE or NEW_AND_OLD_IMAGES stream).
    public static func newImage(_ attribute: String, _ type: AttributeType = .string, _ matches: FilterMatch...) -> FilterCondition {
        FilterCondition(field: .newImage(attribute, type), matches: matches)
    }

    /// An attribute of the item before the change (needs an OLD_IMAGE or NEW_AND_OLD_IMAGES stream).
    public static func oldImage(_ attribute: String, _ type: AttributeType = .string, _ matches: FilterMatch...) -> FilterCondition {
        FilterCondition(field: .oldImage(attribute, type), matches: matches)
    }
}

/// What a field's value may be. Stream records hold every value as a string (numbers too),
/// so the matches are on strings.
public enum FilterMatch: Hashable, Sendable {
    case equals(String)
    case prefix(String)
    case anythingBut([String])
    /// The attribute is present.
    case exists
    /// The attribute is absent.
    case doesNotExist

    var json: JSONValue {
        switch self {
        case .equals(let text): .string(text)
        case .prefix(let text): .object([("prefix", .string(text))])
        case .anythingBut(let values): .object([("anything-but", .array(values.map { .string($0) }))])
        case .exists: .object([("exists", .boolean(true))])
        case .doesNotExist: .object([("exists", .boolean(false))])
        }
    }
}

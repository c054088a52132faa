/// A catalog record's value, read in place: scalars are decoded when read, and a list or an
/// object is a view of its bytes whose members are decoded only when asked for. A synth
/// reads a few properties of each type it uses; decoding whole records (every definition of
/// every property) was most of the catalog's cost.
enum CatalogValue: Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// A non-integral number in its decimal text.
    case number(String)
    case string(String)
    case array(CatalogItems)
    /// Keys in the schema's order.
    case object(CatalogEntries)

    subscript(key: String) -> CatalogValue? {
        if case .object(let entries) = self { return entries[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var bool: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let text): Double(text)
        default: nil
        }
    }

    var array: [CatalogValue] { if case .array(let items) = self { items.values } else { [] } }
    var entries: [(String, CatalogValue)] { if case .object(let entries) = self { entries.pairs } else { [] } }
    /// How many entries an object has, without decoding them.
    var entryCount: Int { if case .object(let entries) = self { entries.count } else { 0 } }
    var strings: [String] { array.compactMap(\.string) }
    var paths: [[String]] { array.map(\.strings) }

    /// The value as JSON text, for enum and const values, which compare as text.
    var scalarText: String? {
        switch self {
        case .null: "null"
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }
}

/// A list's items: in the catalog's bytes, decoded one level at a time.
struct CatalogItems: Sendable {
    let blob: CatalogBlob
    /// Where the first item starts.
    let start: Int
    let count: Int

    var values: [CatalogValue] {
        var values: [CatalogValue] = []
        values.reserveCapacity(count)
        var position = start
        for _ in 0..<count { values.append(blob.value(at: &position)) }
        return values
    }
}

/// An object's entries: in the catalog's bytes, or made from decoded pairs.
struct CatalogEntries: Sendable {
    private enum Storage {
        /// Where the first key starts, and how many entries follow.
        case encoded(CatalogBlob, start: Int, count: Int)
        case decoded([(String, CatalogValue)])
    }

    private let storage: Storage

    init(blob: CatalogBlob, start: Int, count: Int) { storage = .encoded(blob, start: start, count: count) }
    init(_ pairs: [(String, CatalogValue)]) { storage = .decoded(pairs) }

    var count: Int {
        switch storage {
        case .encoded(_, _, let count): count
        case .decoded(let pairs): pairs.count
        }
    }

    var pairs: [(String, CatalogValue)] {
        switch storage {
        case .decoded(let pairs):
            return pairs
        case .encoded(let blob, let start, let count):
            var pairs: [(String, CatalogValue)] = []
            pairs.reserveCapacity(count)
            var position = start
            for _ in 0..<count {
                let key = blob.string(blob.varint(at: &position))
                pairs.append((key, blob.value(at: &position)))
            }
            return pairs
        }
    }

    /// The first entry's value for `key`; the others are skipped over, not decoded.
    subscript(key: String) -> CatalogValue? {
        switch storage {
        case .decoded(let pairs):
            return pairs.first { $0.0 == key }?.1
        case .encoded(let blob, let start, let count):
            var key = key
            return key.withUTF8 { wanted -> CatalogValue? in
                var position = start
                for _ in 0..<count {
                    if blob.stringEquals(blob.varint(at: &position), wanted) { return blob.value(at: &position) }
                    blob.skipValue(at: &position)
                }
                return nil
            }
        }
    }
}

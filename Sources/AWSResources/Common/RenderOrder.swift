import CloudFormation

/// The order in which a hand-written resource writes its properties. A generated L1 object
/// renders in schema order (alphabetical); the hand-written resources wrote theirs in the
/// order a reader meets them (a table's name and keys first), and out/ is reviewed as a diff,
/// so rendering through the L1 object keeps that order. Only the layout: keys not listed keep
/// their place after the listed ones, and no value is read or changed.
struct RenderOrder: Sendable {
    let keys: [String]
    /// The order inside the value at a key (inside each item, for a list). A short list, not
    /// a dictionary: it is searched for every key rendered, and holds one or two orders.
    let nested: [(key: String, order: RenderOrder)]

    init(_ keys: [String], nested: KeyValuePairs<String, RenderOrder> = [:]) {
        self.init(keys, nestedOrders: nested.map { (key: $0.key, order: $0.value) })
    }

    private init(_ keys: [String], nestedOrders: [(key: String, order: RenderOrder)]) {
        self.keys = keys
        self.nested = nestedOrders
    }

    /// The same order with one key in place of another (an event's `Stream` for `EventSourceArn`).
    func replacing(_ key: String, with replacement: String) -> RenderOrder {
        RenderOrder(keys.map { $0 == key ? replacement : $0 }, nestedOrders: nested)
    }

    /// The listed keys first, in the order listed, then the others in their order. The keys
    /// of `fields` are distinct (Fields keeps them so), and so are those listed, so each entry
    /// is moved once and nothing is looked up or replaced in the result.
    func apply(to fields: Fields) -> Fields {
        let entries = fields.entries
        var result = Fields()
        result.reserveCapacity(entries.count)
        var placed = PlacedEntries(count: entries.count)
        var placedCount = 0
        for key in keys {
            // Once every entry has its place, the keys left are not set: nothing to search for.
            if placedCount == entries.count { break }
            guard let index = entries.firstIndex(where: { Self.same($0.key, key) }) else { continue }
            placed.insert(index)
            placedCount += 1
            result.appendNew(key, ordered(entries[index].value, at: key))
        }
        for index in entries.indices where placedCount < entries.count && !placed.contains(index) {
            result.appendNew(entries[index].key, ordered(entries[index].value, at: entries[index].key))
        }
        return result
    }

    /// The value at `key` with its own order applied, when one is given for that key.
    private func ordered(_ value: TemplateValue, at key: String) -> TemplateValue {
        if nested.isEmpty { return value }
        for entry in nested where Self.same(entry.key, key) {
            return entry.order.apply(to: value)
        }
        return value
    }

    private func apply(to value: TemplateValue) -> TemplateValue {
        switch value {
        case .object(let fields): .object(apply(to: fields))
        case .list(let items): .list(items.map { apply(to: $0) })
        default: value
        }
    }

    /// String equality, the byte counts (known without reading the text) compared first:
    /// most keys compared here differ, and most in length.
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }
}

/// Which entries of a Fields have been placed: bits of one word for the usual handful of
/// properties, an array beyond 64.
private struct PlacedEntries {
    private var bits: UInt64 = 0
    private var flags: [Bool]

    init(count: Int) {
        flags = count > 64 ? Array(repeating: false, count: count) : []
    }

    mutating func insert(_ index: Int) {
        if flags.isEmpty { bits |= 1 << UInt64(index) } else { flags[index] = true }
    }

    func contains(_ index: Int) -> Bool {
        flags.isEmpty ? bits & (1 << UInt64(index)) != 0 : flags[index]
    }
}

import CloudFormation

/// The order in which a hand-written resource writes its properties. A generated L1 object
/// renders in schema order (alphabetical); the hand-written resources wrote theirs in the
/// order a reader meets them (a table's name and keys first), and out/ is reviewed as a diff,
/// so rendering through the L1 object keeps that order. Only the layout: keys not listed keep
/// their place after the listed ones, and no value is read or changed.
struct RenderOrder: Sendable {
    let keys: [String]
    /// The order inside the value at a key (inside each item, for a list).
    let nested: [String: RenderOrder]

    init(_ keys: [String], nested: [String: RenderOrder] = [:]) {
        self.keys = keys
        self.nested = nested
    }

    func apply(to fields: Fields) -> Fields {
        var result = Fields()
        for key in keys { result[key] = fields[key] }
        for (key, value) in fields.entries where result[key] == nil { result[key] = value }
        for (key, order) in nested {
            guard let value = result[key] else { continue }
            result[key] = order.apply(to: value)
        }
        return result
    }

    private func apply(to value: TemplateValue) -> TemplateValue {
        switch value {
        case .object(let fields): .object(apply(to: fields))
        case .list(let items): .list(items.map(apply(to:)))
        default: value
        }
    }
}

/// Finds the differences between two normalized values, as narrowly as it can:
/// a changed key inside a mapping is reported at that key, not as a new mapping.
enum ValueComparison {
    /// Keys that name the items of CloudFormation lists (key schemas, GSIs, attribute
    /// definitions, inline policies, tags, policy statements), tried in this order.
    /// KeyType comes first: a key schema's HASH and RANGE are its positions.
    static let itemNameKeys = ["KeyType", "IndexName", "AttributeName", "PolicyName", "Key", "Sid"]

    static func changes(from old: TemplateValue?, to new: TemplateValue?, at path: PropertyPath = .root) -> [ValueChange] {
        guard old != new else { return [] }
        guard let old, let new else {
            return [ValueChange(path: path, old: old, new: new)]
        }
        var found: [ValueChange] = []
        switch (old, new) {
        case (.map(let oldMap), .map(let newMap)):
            found = mapChanges(oldMap, newMap, at: path)
        case (.list(let oldItems), .list(let newItems)):
            if let key = sharedItemNameKey(oldItems, newItems) {
                found = namedItemChanges(oldItems, newItems, nameKey: key, at: path)
            } else if oldItems.count == newItems.count {
                for (index, (oldItem, newItem)) in zip(oldItems, newItems).enumerated() {
                    found += changes(from: oldItem, to: newItem, at: path.appending(.index(index)))
                }
            }
        default:
            break
        }
        // Reordered named items, lists of another length, intrinsics, scalars: the whole value.
        return found.isEmpty ? [ValueChange(path: path, old: old, new: new)] : found
    }

    private static func mapChanges(_ old: TemplateMap, _ new: TemplateMap, at path: PropertyPath) -> [ValueChange] {
        var found: [ValueChange] = []
        for key in orderedUnion(old.keys, new.keys) {
            found += changes(from: old[key], to: new[key], at: path.appending(.key(key)))
        }
        return found
    }

    private static func namedItemChanges(
        _ old: [TemplateValue], _ new: [TemplateValue], nameKey: String, at path: PropertyPath
    ) -> [ValueChange] {
        func byName(_ items: [TemplateValue]) -> [String: TemplateValue] {
            Dictionary(items.compactMap { item in item[nameKey]?.scalarText.map { ($0, item) } }) { first, _ in first }
        }
        let oldByName = byName(old), newByName = byName(new)
        let names = orderedUnion(old.compactMap { $0[nameKey]?.scalarText }, new.compactMap { $0[nameKey]?.scalarText })
        var found: [ValueChange] = []
        for name in names {
            found += changes(from: oldByName[name], to: newByName[name], at: path.appending(.item(name)))
        }
        return found
    }

    /// A key that every item of both lists has, with a distinct plain-text value per list.
    private static func sharedItemNameKey(_ old: [TemplateValue], _ new: [TemplateValue]) -> String? {
        guard !old.isEmpty || !new.isEmpty else { return nil }
        return itemNameKeys.first { key in
            [old, new].allSatisfy { items in
                let names = items.compactMap { $0[key]?.scalarText }
                return names.count == items.count && Set(names).count == names.count
            }
        }
    }

    /// `new`'s order first (that is what the reader will see next), then what only `old` had.
    static func orderedUnion(_ old: [String], _ new: [String]) -> [String] {
        var seen = Set(new)
        var result = new
        for key in old where seen.insert(key).inserted {
            result.append(key)
        }
        return result
    }
}

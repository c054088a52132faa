/// A change to rendered properties by path, applied after the typed model: the escape
/// hatch for a property `infra` does not model yet. Numeric path components index lists.
struct PropertyOverride {
    let path: String
    /// nil removes the property.
    let value: TemplateValue?

    /// Applies the override; returns a problem description when the path does not fit.
    func apply(to properties: inout Fields) -> String? {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, !components.contains(where: \.isEmpty) else {
            return "the override path '\(path)' has an empty component"
        }
        var root = TemplateValue.object(properties)
        if let problem = Self.set(value, at: components[...], in: &root) { return problem }
        if case .object(let fields) = root { properties = fields }
        return nil
    }

    private static func set(_ value: TemplateValue?, at path: ArraySlice<String>, in node: inout TemplateValue) -> String? {
        guard let key = path.first else { return nil }
        let rest = path.dropFirst()
        switch node {
        case .object(var fields):
            if rest.isEmpty {
                fields[key] = value
            } else {
                var child = fields[key] ?? .object(Fields())
                if let problem = set(value, at: rest, in: &child) { return problem }
                fields[key] = child
            }
            node = .object(fields)
            return nil
        case .list(var items):
            guard let index = Int(key), items.indices.contains(index) else {
                return "'\(key)' is not an index of the list (it has \(items.count) items)"
            }
            if rest.isEmpty {
                if let value { items[index] = value } else { items.remove(at: index) }
            } else if let problem = set(value, at: rest, in: &items[index]) {
                return problem
            }
            node = .list(items)
            return nil
        default:
            return "'\(key)' is below a value that is neither an object nor a list"
        }
    }
}

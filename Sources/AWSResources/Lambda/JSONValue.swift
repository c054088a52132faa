import JSONText

/// Just enough JSON to write filter patterns, compact and with keys in the order given, so
/// that the output is the same on every run and platform.
indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case boolean(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var compact: String {
        switch self {
        case .string(let text): JSONText.quoted(text)
        case .boolean(let flag): flag ? "true" : "false"
        case .array(let items): "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { JSONText.quoted($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    /// Adds `values` to the array at `path`, creating objects on the way and appending to an
    /// array already there (values of one field are alternatives).
    mutating func insert(_ values: [JSONValue], at path: ArraySlice<String>) {
        guard let key = path.first else {
            if case .array(let existing) = self { self = .array(existing + values) } else { self = .array(values) }
            return
        }
        guard case .object(var members) = self else {
            self = .object([])
            insert(values, at: path)
            return
        }
        if let position = members.firstIndex(where: { $0.0 == key }) {
            members[position].1.insert(values, at: path.dropFirst())
        } else {
            var child = path.count == 1 ? JSONValue.array([]) : JSONValue.object([])
            child.insert(values, at: path.dropFirst())
            members.append((key, child))
        }
        self = .object(members)
    }


    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compact == rhs.compact }
    func hash(into hasher: inout Hasher) { hasher.combine(compact) }
}

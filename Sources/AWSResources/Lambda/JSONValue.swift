import JSONText

/// Just enough JSON to write filter patterns, compact and with keys in the order given, so
/// that the output is the same on every run and platform.
indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case boolean(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var compact: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends the compact text to `text`: one string grows, instead of one per value joined.
    private func write(to text: inout String) {
        switch self {
        case .string(let string):
            Self.writeQuoted(string, to: &text)
        case .boolean(let flag):
            text += flag ? "true" : "false"
        case .array(let items):
            text += "["
            for (position, item) in items.enumerated() {
                if position > 0 { text += "," }
                item.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { text += "," }
                Self.writeQuoted(member.0, to: &text)
                text += ":"
                member.1.write(to: &text)
            }
            text += "}"
        }
    }

    /// `JSONText.quoted`, whose output is the text itself in quotes when no byte needs an
    /// escape (no quote, backslash or control character): then the text is appended as is.
    private static func writeQuoted(_ string: String, to text: inout String) {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            text += "\""
            text += string
            text += "\""
        } else {
            text += JSONText.quoted(string)
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

import JSONText

/// Just enough JSON to write filter patterns, compact and with keys in the order given, so
/// that the output is the same on every run and platform.
indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case boolean(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var compact: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact text's UTF-8 to `bytes`: one buffer grows, instead of one string
    /// per value joined (the bytes come from strings, so they decode as they were).
    private func write(to bytes: inout [UInt8]) {
        switch self {
        case .string(let string):
            Self.writeQuoted(string, to: &bytes)
        case .boolean(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                items[index].write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeQuoted(members[index].0, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                members[index].1.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `JSONText.quoted`, whose output is the text itself in quotes when no byte needs an
    /// escape (no quote, backslash or control character): then the text is copied as is.
    private static func writeQuoted(_ string: String, to bytes: inout [UInt8]) {
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: JSONText.quoted(string).utf8)
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

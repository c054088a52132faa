import InfraYAML

/// A JSON value as the aws CLI prints it (`--output json`), read with the project's YAML
/// parser: JSON is YAML's flow style, so libyaml reads it, and the parser's depth bound
/// applies. The size is bounded before parsing.
indirect enum AWSJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as written.
    case number(String)
    case string(String)
    case array([AWSJSON])
    case object([(key: String, value: AWSJSON)])

    /// The largest response read (the aws CLI's JSON for a stack's events or a change set
    /// is far smaller; a template is at most 1 MB).
    static let maximumBytes = 16 << 20

    enum ReadError: Error, CustomStringConvertible {
        case tooLarge(Int)
        case malformed(String)

        var description: String {
            switch self {
            case .tooLarge(let count): "the response is \(count) bytes; at most \(AWSJSON.maximumBytes) are read"
            case .malformed(let reason): "the response is not JSON: \(reason)"
            }
        }
    }

    static func parse(_ text: String) throws(ReadError) -> AWSJSON {
        let count = text.utf8.count
        guard count <= maximumBytes else { throw .tooLarge(count) }
        if text.allSatisfy(\.isWhitespace) { return .object([]) }
        let node: Node
        do {
            node = try Parser.parse(text)
        } catch {
            throw .malformed(error.description)
        }
        return AWSJSON(node)
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: self = .null
            case .boolean: self = .bool(scalar.text == "true")
            case .number: self = .number(scalar.text)
            case .string: self = .string(scalar.text)
            }
        case .sequence(let sequence):
            self = .array(sequence.items.map(AWSJSON.init))
        case .mapping(let mapping):
            self = .object(mapping.entries.map { (key: $0.key, value: AWSJSON($0.value)) })
        }
    }

    subscript(key: String) -> AWSJSON? {
        if case .object(let entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    /// A string, or a number or boolean as its text; nil for null and containers.
    var text: String? {
        switch self {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    var items: [AWSJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    static func == (lhs: AWSJSON, rhs: AWSJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)), (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let text), .string(let text): hasher.combine(text)
        case .array(let items): hasher.combine(items)
        case .object(let entries):
            for entry in entries { hasher.combine(entry.key); hasher.combine(entry.value) }
        }
    }
}

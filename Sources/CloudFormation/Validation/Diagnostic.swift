/// A problem found before anything is written, located by stack, logical ID and property path.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var stack: String
    /// The resource, parameter, output, condition or mapping the problem is in; nil for the whole template.
    public var element: String?
    /// Where in the element, e.g. `Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput`.
    public var path: String?
    public var message: String

    public init(_ severity: Severity, stack: String, element: String? = nil, path: String? = nil, _ message: String) {
        self.severity = severity
        self.stack = stack
        self.element = element.map(Self.abbreviated)
        self.path = path
        self.message = message
    }

    /// Values longer than this are shortened when a message shows them.
    public static let longestShownValue = 80
    /// How much of a shortened value is shown.
    public static let shownPrefix = 60

    /// A user value as a message shows it: whole when short, otherwise its first 60
    /// characters and its length (`aaaa…(5,000 characters)`), so that a long key or name
    /// does not fill the terminal; line breaks and tabs are escaped, so a message is one line.
    /// Every diagnostic that echoes a user value uses it.
    public static func abbreviated(_ value: String) -> String {
        // Checked on the UTF-8 bytes first: messages for values that turn out fine are built
        // too, and counting Characters walks grapheme clusters.
        var text = value
        if value.utf8.count > longestShownValue, value.count > longestShownValue {
            text = String(text.prefix(shownPrefix)) + "…(\(groupedThousands(value.count)) characters)"
        }
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\r\n": escaped += "\\r\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `5000` -> `5,000`, without Foundation's locale-dependent formatting.
    private static func groupedThousands(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// `error: cruddur-messaging: Messages: Properties.BatchSize: batch size 0 is outside 1...10000`
    public var description: String {
        var location = stack
        if let element { location += ": \(element)" }
        if let path, !path.isEmpty { location += ": \(path)" }
        return "\(severity.rawValue): \(location): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

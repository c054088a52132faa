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
        self.element = element
        self.path = path
        self.message = message
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

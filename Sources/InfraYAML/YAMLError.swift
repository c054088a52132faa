/// A position in a YAML document, 1-based for people.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// Everything that can go wrong while reading or writing YAML.
public enum YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libyaml reported a problem; `problem` is its own text.
    case libyaml(problem: String, context: String?, mark: Mark?)
    case duplicateKey(String, mark: Mark?)
    /// Anchors, aliases and merge keys, which this layer does not read (CloudFormation, its
    /// reason for being, accepts none of them).
    case unsupported(String, mark: Mark?)
    /// A mapping key that is not a scalar, a tag that is not local, and similar.
    case invalid(String, mark: Mark?)
    /// No document, or more than one where one was expected.
    case documentCount(Int)

    public var description: String {
        func at(_ mark: Mark?) -> String { mark.map { " at \($0)" } ?? "" }
        switch self {
        case .libyaml(let problem, let context, let mark):
            let prefix = context.map { "\($0): " } ?? ""
            return "YAML error\(at(mark)): \(prefix)\(problem)"
        case .duplicateKey(let key, let mark):
            return "duplicate mapping key '\(key)'\(at(mark))"
        case .unsupported(let what, let mark):
            return "\(what)\(at(mark)) is not supported"
        case .invalid(let what, let mark):
            return "\(what)\(at(mark))"
        case .documentCount(let count):
            return "expected one YAML document, found \(count)"
        }
    }
}

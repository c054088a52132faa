import InfraYAML

/// Why templates could not be read or compared.
public enum TemplateDiffError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The YAML (or JSON) did not parse.
    case yaml(YAMLError, file: String?)
    /// It parsed, but is not a CloudFormation template.
    case invalidTemplate(String)
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .yaml(let error, let file):
            return (file.map { "\($0): " } ?? "") + error.description
        case .invalidTemplate(let reason):
            return "not a CloudFormation template: \(reason)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}

import CloudFormation
import JSONText

/// Writes template values as JSON with keys in the order given, two-space indented, so
/// generated JSON is as byte-stable as the YAML.
enum JSONWriter {
    enum Problem: Error, CustomStringConvertible {
        case intrinsic(path: String, Intrinsic)

        var description: String {
            switch self {
            case .intrinsic(let path, let intrinsic):
                "\(path) is \(intrinsic.longFormName), which only CloudFormation can resolve; the schema needs a literal value"
            }
        }
    }

    static func write(_ value: TemplateValue, path: String = "", indent: String = "") throws(Problem) -> String {
        let inner = indent + "  "
        switch value {
        case .string(let text): return JSONText.quoted(text)
        case .number(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .list(let items):
            if items.isEmpty { return "[]" }
            var parts: [String] = []
            for (index, item) in items.enumerated() {
                parts.append(inner + (try write(item, path: "\(path)[\(index)]", indent: inner)))
            }
            return "[\n" + parts.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            var parts: [String] = []
            for (key, item) in fields.entries {
                parts.append(inner + JSONText.quoted(key) + ": " + (try write(item, path: path.isEmpty ? key : "\(path).\(key)", indent: inner)))
            }
            return "{\n" + parts.joined(separator: ",\n") + "\n\(indent)}"
        case .intrinsic(let intrinsic):
            throw .intrinsic(path: path, intrinsic)
        }
    }

}

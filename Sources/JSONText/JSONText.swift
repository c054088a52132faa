/// JSON string literals, written one way everywhere `infra` writes JSON (filter patterns,
/// `infra schema`, parameter files, `infra diff --format json`), so that equal strings are
/// always the same bytes.
public enum JSONText {
    /// The string as a JSON literal: quotes and backslashes escaped, control characters as
    /// `\n`, `\r`, `\t` or `\u00XX`, everything else as is (UTF-8).
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Text from AWS (event reasons, status reasons, error messages) made safe to print: a
/// control character (an escape sequence could recolour or rewrite the terminal) or a
/// bidirectional override is shown as `\u{…}`, never passed through.
enum TerminalText {
    static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            if keepNewlines && scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\t" {
                result += " "
            } else if control || bidi {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}

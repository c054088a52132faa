import TemplateDiff

/// Text from AWS (event reasons, status reasons, error messages) made safe to print, by the
/// same rule as `infra diff`'s text output (`Display.visible`): a control character (an escape
/// sequence could recolour or rewrite the terminal) or a bidirectional override is shown as
/// `\u{…}`, never passed through.
enum TerminalText {
    static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard keepNewlines else { return Display.visible(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { Display.visible(String($0)) }.joined(separator: "\n")
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

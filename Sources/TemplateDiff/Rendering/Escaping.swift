/// Text from a template (logical IDs, keys, values, file names) is not trusted: a control
/// character would reach the terminal (ESC starts an escape sequence, BEL rings), a newline
/// would forge a report line, and Markdown would turn `<img ...>` or `[text](url)` into
/// markup in a pull-request comment. Each output format escapes it its own way.
extension Display {
    /// The text with every character that a terminal acts on or that reorders text shown
    /// visibly: `\n`, `\t`, `\r`, and `\u{1B}` style for the other C0 and C1 controls, DEL,
    /// the bidirectional controls and the line and paragraph separators.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where isUnsafe(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (0x9B is a one-byte CSI)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional controls
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }

    /// The text made visible and cut to `limit` characters (`…` and the length after it),
    /// for error messages that quote a key or a tag from the input.
    public static func short(_ text: String, limit: Int = 80) -> String {
        let shown = visible(text)
        guard shown.count > limit else { return "'\(shown)'" }
        return "'\(shown.prefix(limit))…' (\(text.count) characters)"
    }
}

/// GitHub-flavoured Markdown for untrusted text.
enum MarkdownText {
    /// A code span that shows the text literally: delimited by more backticks than the
    /// longest run inside, padded when it starts or ends with a backtick, table pipes as `\|`
    /// (GitHub splits table cells before it reads code spans), controls made visible.
    static func code(_ text: String) -> String {
        let body = Display.visible(text).replacing("|", with: "\\|")
        var longest = 0, run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = body.hasPrefix("`") || body.hasSuffix("`") || body.isEmpty ? " \(body) " : body
        return fence + padded + fence
    }

    /// Prose outside code spans: Markdown's punctuation escaped with backslashes, HTML's
    /// with entities, so that no link, image, tag, emphasis or table cell comes from the text.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in Display.visible(text) {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// A fence for a code block: longer than any run of backticks at the start of a line
    /// of `lines` (a line of three backticks would otherwise close the block).
    static func fence(for lines: [String]) -> String {
        var longest = 0
        for line in lines {
            let run = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

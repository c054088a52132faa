import InfraYAML
import JSONText

/// Values written for people: one line of flow YAML with short-form intrinsics,
/// e.g. `!GetAtt Messages.StreamArn`, `1`, `'2012-10-17'`, `{ReadCapacityUnits: 5}`.
extension TemplateValue {
    public var compact: String {
        switch self {
        case .scalar(let text):
            return CompactValue.scalar(text)
        case .list(let items):
            return "[" + items.map(\.compact).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.entries.map { "\(CompactValue.scalar($0.key)): \($0.value.compact)" }.joined(separator: ", ") + "}"
        case .intrinsic(let name, let argument):
            let tag = "!" + (name.hasPrefix("Fn::") ? String(name.dropFirst(4)) : name)
            if name == "Fn::GetAtt", case .list(let parts) = argument, parts.count == 2,
               let resource = parts[0].scalarText, let attribute = parts[1].scalarText {
                return "\(tag) \(CompactValue.scalar(resource + "." + attribute))"
            }
            return "\(tag) \(argument.compact)"
        }
    }

    /// Multi-line text (inline code, policies as strings), which renderers show as lines.
    var multilineText: String? {
        guard case .scalar(let text) = self, text.contains("\n") else { return nil }
        return text
    }
}

enum CompactValue {
    /// Plain when a YAML reader would read the same text back as a string or as the
    /// number or boolean CloudFormation would turn into that text; quoted otherwise.
    static func scalar(_ text: String) -> String {
        if text.contains("\n") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let count = text.hasSuffix("\n") ? lines.count - 1 : lines.count
            return String(doubleQuoted(String(lines[0])).dropLast()) + "…\" (\(count) lines)"
        }
        // Single quotes would pass a control character (an escape sequence) to the terminal;
        // double quotes escape C0 controls, and renderers make the rest visible.
        if text.unicodeScalars.contains(where: Display.isUnsafe) {
            return doubleQuoted(text)
        }
        return isPlainSafe(text) ? text : singleQuoted(text)
    }

    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }

    /// JSON's escapes, which YAML's double quotes share: control characters never reach a
    /// terminal raw.
    static func doubleQuoted(_ text: String) -> String {
        JSONText.quoted(text)
    }

    private static let ambiguousWords: Set<String> = ["yes", "no", "on", "off", "y", "n", "null", "~", "true", "false"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if text == "true" || text == "false" { return true }  // canonical booleans read back as themselves
        if ambiguousWords.contains(text.lowercased()) { return false }
        if looksLikeDate(text) { return false }
        let allowed = { (c: Unicode.Scalar) in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || "_./:@$=+()<>^-".unicodeScalars.contains(c) || c == " "
        }
        guard text.unicodeScalars.allSatisfy(allowed) else { return false }
        guard !"-:@<>".unicodeScalars.contains(first), first != " ", last != " ", last != ":" else {
            return looksLikeNumber(text)
        }
        // On top of the rules above, the emitter's own: what it would quote (`0777`, `12:30`,
        // a control character) is quoted here too; a canonical number stays plain, as
        // CloudFormation reads it as the same text.
        return (!text.contains(": ") && !text.contains(" #") && ScalarStyleRules.isPlainSafe(text)) || looksLikeNumber(text)
    }

    private static func looksLikeDate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(10))
        guard scalars.count == 10 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return digits.allSatisfy { ("0"..."9").contains(scalars[$0]) } && scalars[4] == "-" && scalars[7] == "-"
    }

    /// JSON's number grammar: the texts that the JSON format writes as numbers.
    static func looksLikeNumber(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        scalars = scalars.dropFirst(integer.count)
        if scalars.first == "." {
            let fraction = scalars.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            scalars = scalars.dropFirst(1 + fraction.count)
        }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }
}

import AWSLambda
import CloudFormation

/// The function an inline handler names must be one the inline file defines: Lambda finds
/// out only at the first invocation (`Runtime.HandlerNotFound`), long after the deploy.
///
/// A light scan, not a parser: for Python, `def NAME(` and `async def NAME(` at the start of
/// a line (top level), with top-level assignments and imports also accepted as definitions;
/// for Node.js, `exports.NAME =`, `module.exports.NAME =`, `export const|let|var NAME`,
/// `export [async] function NAME`, `export { NAME }` and the keys of `module.exports = { ... }`.
enum InlineHandler {
    /// - Parameter deployed: the function as it deploys, overrides applied.
    static func check(_ deployed: CfnFunction, of function: Function, in context: SynthesisContext) {
        guard case .inline(let file) = function.code,
              let source = deployed.code.zipFile?.literal, !source.isEmpty,
              let handler = deployed.handler?.literal, handler.hasPrefix("index."),
              let runtime = deployed.runtime?.templateValue.literalString
        else { return }
        let name = String(handler.dropFirst("index.".count))
        guard !name.isEmpty, !name.contains(".") else { return }
        let shownHandler = Diagnostic.abbreviated(handler)
        let shownName = Diagnostic.abbreviated(name)
        let path = PropertyPath.properties / "Handler"
        if runtime.hasPrefix("python") {
            // Functions of a stack often share one handler file: it is scanned once per template.
            let (functions, others) = context.cached("InlineHandler.python\u{0}" + source) { pythonTopLevelNames(source) }
            guard !functions.contains(name), !others.contains(name) else { return }
            let defined = functions.isEmpty ? "the file defines no top-level functions (define '\(shownName)')"
                : "the file defines: \(functions.joined(separator: ", ")) (set the handler to index.<one of them>, or define '\(shownName)')"
            context.error(function, at: path, "the handler '\(shownHandler)' names the function '\(shownName)', which \(file) does not define at top level; \(defined)")
        } else if runtime.hasPrefix("nodejs") {
            let exported = context.cached("InlineHandler.node\u{0}" + source) { nodeExports(source) }
            guard !exported.contains(name) else { return }
            let listed = exported.isEmpty ? "the file exports nothing (export '\(shownName)')"
                : "the file exports: \(exported.joined(separator: ", ")) (set the handler to index.<one of them>, or export '\(shownName)')"
            context.error(function, at: path, "the handler '\(shownHandler)' names the function '\(shownName)', which \(file) does not export; \(listed)")
        }
    }

    /// Top-level functions (in order), and the other top-level names (assignments, imports).
    static func pythonTopLevelNames(_ source: String) -> (functions: [String], others: Set<String>) {
        var functions: [String] = []
        var others = Set<String>()
        for line in topLevelLines(source) {
            var rest = line
            if startsWith(rest, "async ") { rest = rest.dropFirst("async ".count).drop(while: \.isWhitespace) }
            if startsWith(rest, "def ") {
                let name = identifier(at: rest.dropFirst("def ".count).drop(while: \.isWhitespace))
                if !name.isEmpty, !functions.contains(name) { functions.append(name) }
            } else if startsWith(rest, "from ") || startsWith(rest, "import ") {
                // `from m import a, b as c` and `import m as n` bind a, c and n (and m).
                let imported = afterImportKeyword(rest) ?? rest.dropFirst("import ".count)
                for item in imported.split(separator: ",") {
                    let words = item.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" })
                    if let last = words.last { others.insert(String(last)) }
                }
            } else {
                // `name = ...` or `name: Type = ...`, not `name == ...`.
                let name = identifier(at: rest)
                let after = rest.dropFirst(name.count).drop(while: { $0 == " " })
                if !name.isEmpty, (startsWith(after, "=") && !startsWith(after, "==")) || startsWith(after, ":") {
                    others.insert(name)
                }
            }
        }
        return (functions, others)
    }

    /// What follows ` import ` in a `from m import ...` line, found on its bytes (the
    /// collection `split(separator:)` costs more than the rest of the scan).
    private static func afterImportKeyword(_ line: Substring) -> Substring? {
        let keyword = Array(" import ".utf8)
        let bytes = line.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index...].starts(with: keyword) {
                return line[bytes.index(index, offsetBy: keyword.count)...]
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// The lines that start in column one, found on the UTF-8 bytes: most lines of a module
    /// are indented, and splitting all of them into Characters costs more than the rest of a synth.
    private static func topLevelLines(_ source: String) -> [Substring] {
        let utf8 = source.utf8
        var lines: [Substring] = []
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        func close(at end: String.Index) {
            guard lineStart < end, let first = utf8[lineStart...].first, first != 0x20, first != 0x09, first != 0x0C else { return }
            lines.append(source[lineStart..<end])
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                close(at: index)
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        close(at: utf8.endIndex)
        return lines
    }

    /// The names a Node.js file exports, in order of appearance.
    static func nodeExports(_ source: String) -> [String] {
        var found: [(position: Int, name: String)] = []
        func scan(_ pattern: String) {
            guard let regex = try? Regex(pattern) else { return }
            for match in source.matches(of: regex) {
                guard let captured = match.output[1].substring else { continue }
                found.append((source.utf8.distance(from: source.startIndex, to: captured.startIndex), String(captured)))
            }
        }
        let name = #"([A-Za-z_$][A-Za-z0-9_$]*)"#
        scan(#"(?m)^\s*(?:module\.)?exports\.\#(name)\s*="#)
        scan(#"(?m)^\s*export\s+(?:async\s+)?function\s*\*?\s*\#(name)"#)
        scan(#"(?m)^\s*export\s+(?:const|let|var)\s+\#(name)"#)
        // `module.exports = { a, b: ..., async c() {} }` and `export { a, b as c }`: the keys.
        for (pattern, renames) in [(#"module\.exports\s*=\s*\{"#, false), (#"export\s*\{"#, true)] {
            guard let regex = try? Regex(pattern) else { continue }
            for match in source.matches(of: regex) {
                for (position, entry) in topLevelEntries(source, openingBraceEnd: match.range.upperBound) {
                    var words = entry.split(whereSeparator: \.isWhitespace).map(String.init)
                    if renames, words.count >= 3, words[words.count - 2] == "as" { words = [words[words.count - 1]] }
                    if words.first == "async" || words.first == "get" || words.first == "set" { words.removeFirst() }
                    guard let first = words.first else { continue }
                    let key = identifier(at: Substring(first.trimmingQuotes))
                    if !key.isEmpty { found.append((position, key)) }
                }
            }
        }
        var names: [String] = []
        for entry in found.sorted(by: { $0.position < $1.position }) where !names.contains(entry.name) {
            names.append(entry.name)
        }
        return names
    }

    /// The comma-separated entries of the object literal whose `{` ends at `start`, split at
    /// depth zero, each with its offset.
    private static func topLevelEntries(_ source: String, openingBraceEnd start: String.Index) -> [(Int, String)] {
        var entries: [(Int, String)] = []
        var depth = 0
        var current = ""
        var currentStart = start
        var index = start
        while index < source.endIndex {
            let character = source[index]
            switch character {
            case "{", "(", "[":
                depth += 1
                current.append(character)
            case "}", ")", "]":
                if depth == 0 {
                    entries.append((source.utf8.distance(from: source.startIndex, to: currentStart), current))
                    return entries.filter { !$0.1.allSatisfy(\.isWhitespace) }
                }
                depth -= 1
                current.append(character)
            case "," where depth == 0:
                entries.append((source.utf8.distance(from: source.startIndex, to: currentStart), current))
                current = ""
                currentStart = source.index(after: index)
            default:
                current.append(character)
            }
            index = source.index(after: index)
        }
        return entries.filter { !$0.1.allSatisfy(\.isWhitespace) }
    }

    /// `text.hasPrefix(prefix)` for an ASCII `prefix` without a carriage return, compared on
    /// the bytes. The answer is the same: ASCII bytes followed by an ASCII byte are one
    /// character each. Only when a non-ASCII byte follows the match (a combining mark may
    /// join the last character) are characters compared.
    private static func startsWith(_ text: Substring, _ prefix: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        for byte in prefix.utf8 {
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index = bytes.index(after: index)
        }
        if index < bytes.endIndex, bytes[index] >= 0x80 { return text.hasPrefix(prefix) }
        return true
    }

    /// The identifier at the start of `text` (letters, digits, `_` and `$`), found on the
    /// bytes as `startsWith` argues; as characters when a non-ASCII byte ends the run.
    private static func identifier(at text: Substring) -> String {
        let bytes = text.utf8
        var end = bytes.startIndex
        while end < bytes.endIndex, isIdentifierByte(bytes[end]) {
            end = bytes.index(after: end)
        }
        if end < bytes.endIndex, end > bytes.startIndex, bytes[end] >= 0x80 {
            return String(text.prefix { $0.isASCIILetterOrDigit || $0 == "_" || $0 == "$" })
        }
        return String(text[..<end])
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        var text = Substring(self)
        while let first = text.first, first == "'" || first == "\"" { text = text.dropFirst() }
        return String(text)
    }
}

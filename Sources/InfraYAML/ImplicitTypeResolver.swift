/// Which plain scalars a YAML reader resolves to something other than a string.
///
/// Two questions, two answers:
/// - ``isAmbiguousAsPlain(_:)``: could *any* common reader resolve this plain text as a
///   non-string? The union of the YAML 1.1 resolvers (PyYAML's regexes, plus the spec's
///   `y`/`n` booleans as ruamel.yaml applies them), ruamel.yaml's YAML 1.2 resolvers, and the
///   YAML 1.2 core and JSON schemas. The emitter quotes exactly these strings.
/// - ``coreSchemaKind(_:)``: what the YAML 1.2 core schema makes of a plain scalar; the parser
///   uses it for `Scalar.kind`.
///
/// Both are byte-level matchers written out by hand: they run once per scalar on the hot path.
/// Like the readers, each resolver is only tried when the first character is one it lists
/// (so `_1` is a string everywhere, while `+_1` is an integer to ruamel.yaml).
enum ImplicitTypeResolver {
    /// True when some YAML 1.1 or 1.2 reader would resolve `text`, written plain, to a
    /// non-string (bool, null, int, float, timestamp, merge key or value key).
    static func isAmbiguousAsPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return true }  // the empty plain scalar is null
        switch first {
        case UInt8(ascii: "~"):
            return text.count == 1
        case UInt8(ascii: "<"):
            return text.count == 2 && text[1] == UInt8(ascii: "<")
        case UInt8(ascii: "="):
            return text.count == 1
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"):
            return ResolverWords.isAnyVersionBoolOrNull(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return isAnyVersionNumber(text) || isTimestamp(text)
        default:
            return false
        }
    }

    /// The YAML 1.2 core schema's reading of an untagged plain scalar.
    static func coreSchemaKind(_ text: UnsafeBufferPointer<UInt8>) -> Scalar.Kind {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return text.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return ResolverWords.isCoreNull(text) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return ResolverWords.isCoreBool(text) ? .boolean : .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return isCoreNumber(text) ? .number : .string
        default:
            return .string
        }
    }

    // MARK: - Numbers, union of all readers

    /// Integers and floats of YAML 1.1 (PyYAML, ruamel.yaml) and YAML 1.2 (ruamel.yaml, core, JSON).
    private static func isAnyVersionNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var scan = ByteScanner(text)
        let signed = scan.skip(UInt8(ascii: "+")) || scan.skip(UInt8(ascii: "-"))
        guard let head = scan.peek() else { return false }

        if head == UInt8(ascii: ".") {
            scan.advance()
            return isDotFloatTail(&scan, signed: signed)
        }
        if head == UInt8(ascii: "_") {
            // ruamel.yaml 1.2 `[-+]?[0-9_]+`: reachable only through the sign, by first-character gating.
            return signed && scan.skipAll(where: isDigitOrUnderscore) && scan.isAtEnd
        }
        guard isDigit(head) else { return false }

        // `0b…`, `0o…`, `0x…` (with underscores, as the 1.1 resolvers and ruamel.yaml allow).
        if head == UInt8(ascii: "0"), let radix = scan.peek(at: 1) {
            switch radix {
            case UInt8(ascii: "b"):
                scan.advance(by: 2)
                return scan.skipAll(where: { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) && scan.isAtEnd
            case UInt8(ascii: "o"):
                scan.advance(by: 2)
                return scan.skipAll(where: { (0x30...0x37).contains($0) || $0 == 0x5F }) && scan.isAtEnd
            case UInt8(ascii: "x"):
                scan.advance(by: 2)
                return scan.skipAll(where: { isHexDigit($0) || $0 == 0x5F }) && scan.isAtEnd
            default:
                break
            }
        }

        // `[0-9][0-9_]*`, shared by decimal ints, floats and sexagesimal numbers.
        scan.skipAll(where: isDigitOrUnderscore)
        guard let next = scan.peek() else { return true }  // integer
        switch next {
        case UInt8(ascii: "."):
            scan.advance()
            scan.skipAll(where: isDigitOrUnderscore)
            return isOptionalExponentThenEnd(&scan, signRequired: false)
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            return isOptionalExponentThenEnd(&scan, signRequired: false)
        case UInt8(ascii: ":"):
            // 1.1 sexagesimal: int `[1-9][0-9_]*(:[0-5]?[0-9])+`, float `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`.
            guard skipSexagesimalGroups(&scan) else { return false }
            if scan.isAtEnd { return head != UInt8(ascii: "0") }
            guard scan.skip(UInt8(ascii: ".")) else { return false }
            scan.skipAll(where: isDigitOrUnderscore)
            return scan.isAtEnd
        default:
            return false
        }
    }

    /// After `[-+]?.`: `inf`, `nan` (unsigned only) or a fraction `[0-9_]+` with an exponent.
    private static func isDotFloatTail(_ scan: inout ByteScanner, signed: Bool) -> Bool {
        let rest = scan.remaining
        if ResolverWords.isInfinity(rest) { return true }
        if ResolverWords.isNotANumber(rest) { return !signed }
        // ruamel.yaml: `[-+]?\.[0-9_]+([eE][-+][0-9]+)?`; core: `[-+]?\.[0-9]+([eE][-+]?[0-9]+)?`.
        var sawUnderscore = false
        let start = scan.position
        while let byte = scan.peek(), isDigitOrUnderscore(byte) {
            if byte == UInt8(ascii: "_") { sawUnderscore = true }
            scan.advance()
        }
        guard scan.position > start else { return false }
        return isOptionalExponentThenEnd(&scan, signRequired: sawUnderscore)
    }

    /// `([eE][-+]?[0-9]+)?$`, the sign mandatory when `signRequired`.
    private static func isOptionalExponentThenEnd(_ scan: inout ByteScanner, signRequired: Bool) -> Bool {
        if scan.isAtEnd { return true }
        guard scan.skip(UInt8(ascii: "e")) || scan.skip(UInt8(ascii: "E")) else { return false }
        let hasSign = scan.skip(UInt8(ascii: "+")) || scan.skip(UInt8(ascii: "-"))
        if signRequired && !hasSign { return false }
        return scan.skipAll(where: isDigit) && scan.isAtEnd
    }

    /// `(:[0-5]?[0-9])+`; a group is `:` and one digit, or two when the first is 0-5.
    private static func skipSexagesimalGroups(_ scan: inout ByteScanner) -> Bool {
        var groups = 0
        while scan.skip(UInt8(ascii: ":")) {
            guard let first = scan.peek(), isDigit(first) else { return false }
            scan.advance()
            if first <= UInt8(ascii: "5"), let second = scan.peek(), isDigit(second) {
                scan.advance()
            }
            groups += 1
        }
        return groups > 0
    }

    // MARK: - Timestamps (the same regex in PyYAML and ruamel.yaml)

    /// `YYYY-MM-DD`, or `YYYY-M-D` with a time: `[Tt]|[ \t]+`, `H:MM:SS`, fraction, zone.
    private static func isTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var scan = ByteScanner(text)
        guard scan.skipDigits(exactly: 4), scan.skip(UInt8(ascii: "-")) else { return false }
        let monthDigits = scan.skipDigits(upTo: 2)
        guard monthDigits > 0, scan.skip(UInt8(ascii: "-")) else { return false }
        let dayDigits = scan.skipDigits(upTo: 2)
        guard dayDigits > 0 else { return false }
        if scan.isAtEnd { return monthDigits == 2 && dayDigits == 2 }

        // Date-time separator.
        if !(scan.skip(UInt8(ascii: "T")) || scan.skip(UInt8(ascii: "t"))) {
            guard scan.skipAll(where: isSpaceOrTab) else { return false }
        }
        guard scan.skipDigits(upTo: 2) > 0, scan.skip(UInt8(ascii: ":")),
            scan.skipDigits(exactly: 2), scan.skip(UInt8(ascii: ":")),
            scan.skipDigits(exactly: 2)
        else { return false }
        if scan.skip(UInt8(ascii: ".")) { scan.skipAll(where: isDigit) }
        if scan.isAtEnd { return true }

        // Zone: `[ \t]*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?)`.
        scan.skipAll(where: isSpaceOrTab)
        if scan.skip(UInt8(ascii: "Z")) { return scan.isAtEnd }
        guard scan.skip(UInt8(ascii: "+")) || scan.skip(UInt8(ascii: "-")),
            scan.skipDigits(upTo: 2) > 0
        else { return false }
        if scan.skip(UInt8(ascii: ":")) {
            guard scan.skipDigits(exactly: 2) else { return false }
        }
        return scan.isAtEnd
    }

    // MARK: - YAML 1.2 core schema numbers

    /// Core int `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+` and float
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`.
    private static func isCoreNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var scan = ByteScanner(text)
        let signed = scan.skip(UInt8(ascii: "+")) || scan.skip(UInt8(ascii: "-"))
        guard let head = scan.peek() else { return false }

        if !signed, head == UInt8(ascii: "0"), let radix = scan.peek(at: 1) {
            if radix == UInt8(ascii: "o") {
                scan.advance(by: 2)
                return scan.skipAll(where: { (0x30...0x37).contains($0) }) && scan.isAtEnd
            }
            if radix == UInt8(ascii: "x") {
                scan.advance(by: 2)
                return scan.skipAll(where: isHexDigit) && scan.isAtEnd
            }
        }
        if head == UInt8(ascii: ".") {
            scan.advance()
            let rest = scan.remaining
            if ResolverWords.isInfinity(rest) { return true }
            if ResolverWords.isNotANumber(rest) { return !signed }
            guard scan.skipAll(where: isDigit) else { return false }
            return isOptionalExponentThenEnd(&scan, signRequired: false)
        }
        guard scan.skipAll(where: isDigit) else { return false }
        if scan.skip(UInt8(ascii: ".")) { scan.skipAll(where: isDigit) }
        return isOptionalExponentThenEnd(&scan, signRequired: false)
    }
}

// MARK: - Character classes

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
@inline(__always) private func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == 0x5F }
@inline(__always) private func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
@inline(__always) private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- 0x61 < 6
}

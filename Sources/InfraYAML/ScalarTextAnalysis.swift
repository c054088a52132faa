/// What a scalar's text contains, as far as choosing a style goes; one pass over its UTF-8 bytes.
///
/// The classes follow libyaml's emitter, so that the style chosen here is the one libyaml
/// writes (it would silently switch to another style if it disagreed).
struct ScalarTextAnalysis {
    private(set) var isEmpty = true
    /// Contains `\n` (the only line break that survives a literal block unchanged everywhere).
    private(set) var hasLineBreak = false
    /// Contains something only a double-quoted escape can carry: C0 and C1 controls (tab and
    /// CR included), DEL, U+2028/U+2029, U+FEFF, U+FFFE/U+FFFF, and characters beyond the BMP,
    /// which libyaml 0.2.5 does not consider printable.
    private(set) var needsEscaping = false
    private(set) var hasLeadingSpace = false
    private(set) var hasTrailingSpace = false
    /// A space right before a line break, i.e. a line with trailing spaces.
    private(set) var hasSpaceBeforeLineBreak = false
    /// Something that ends or changes a plain scalar in block context: an indicator at the
    /// start, `: ` or a final `:`, ` #`, or a leading `---`/`...`.
    private(set) var hasPlainIndicator = false

    init(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        guard count > 0 else { return }
        isEmpty = false
        hasLeadingSpace = text[0] == 0x20
        hasTrailingSpace = text[count - 1] == 0x20
        hasPlainIndicator = Self.startsWithIndicator(text)

        var index = 0
        let base = text.baseAddress!
        while index < count {
            // Printable ASCII other than '#' and ':' (most bytes of a template) changes no flag:
            // eight such bytes are passed over at once, then one at a time.
            if index + 8 <= count && Self.isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            if byte &- 0x20 < 0x5F && byte != 0x23 && byte != 0x3A {
                index += 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    hasLineBreak = true
                    if index > 0 && text[index - 1] == 0x20 { hasSpaceBeforeLineBreak = true }
                case 0x3A where index > 0:  // ':'
                    if index + 1 == count || text[index + 1] == 0x20 { hasPlainIndicator = true }
                case 0x23 where index > 0:  // '#'
                    if text[index - 1] == 0x20 { hasPlainIndicator = true }
                case 0x7F, 0x00..<0x20:
                    needsEscaping = true
                default:
                    break
                }
                index += 1
                continue
            }
            // Multi-byte sequences: the input is valid UTF-8 (it comes from a Swift String).
            switch byte {
            case 0xC2:  // U+0080-U+00BF: C1 controls (NEL included) need escaping
                if index + 1 < count && text[index + 1] < 0xA0 { needsEscaping = true }
            case 0xE2:  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
                if index + 2 < count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9) {
                    needsEscaping = true
                }
            case 0xEF:  // U+FEFF BOM, U+FFFE, U+FFFF
                if index + 2 < count {
                    let second = text[index + 1]
                    let third = text[index + 2]
                    if (second == 0xBB && third == 0xBF) || (second == 0xBF && third >= 0xBE) {
                        needsEscaping = true
                    }
                }
            case 0xF0...0xF4:
                needsEscaping = true
            default:
                break
            }
            index += 1
        }
    }

    /// Whether all eight bytes are printable ASCII (0x20-0x7E) other than '#' and ':'. The
    /// usual bit tricks ("has a byte less than / more than / equal to"), each exact for the word.
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let aboveTilde = ((word &+ ones &* (127 - 0x7E)) | word) & highBits
        let hashes = word ^ (ones &* 0x23)
        let colons = word ^ (ones &* 0x3A)
        let hasHash = (hashes &- ones) & ~hashes & highBits
        let hasColon = (colons &- ones) & ~colons & highBits
        return belowSpace | aboveTilde | hasHash | hasColon == 0
    }

    /// Whether a literal or folded block can carry the text.
    var fitsBlock: Bool {
        !isEmpty && !needsEscaping && !hasTrailingSpace && !hasSpaceBeforeLineBreak
    }

    /// Whether single quotes can carry the text on one line.
    var fitsSingleQuotes: Bool {
        !needsEscaping && !hasLineBreak
    }

    /// Whether the text, written plain in block context, reads back as the same characters
    /// (what it then *means* is the resolver's question).
    var fitsPlainSyntax: Bool {
        !isEmpty && !needsEscaping && !hasLineBreak && !hasLeadingSpace && !hasTrailingSpace && !hasPlainIndicator
    }

    private static func startsWithIndicator(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = text[0]
        let followedByBlank = text.count == 1 || text[1] == 0x20 || text[1] == 0x09 || text[1] == 0x0A
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
            UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
            return followedByBlank
        case UInt8(ascii: "-"):
            return followedByBlank || startsWithThree(text, UInt8(ascii: "-"))
        case UInt8(ascii: "."):
            return startsWithThree(text, UInt8(ascii: "."))
        default:
            return false
        }
    }

    private static func startsWithThree(_ text: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        text.count >= 3 && text[0] == byte && text[1] == byte && text[2] == byte
    }
}

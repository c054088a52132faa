/// A deterministic corpus of strings for round-trip tests: ASCII, Unicode up to non-BMP,
/// control characters, every YAML indicator, numbers, dates, booleans and nulls in every
/// spelling, and multi-line text with leading/trailing blank lines and spaces.
///
/// The same `count` and `seed` give the same strings on every machine.
public enum StringCorpus {
    public static let defaultSeed: UInt64 = 0x00C0_FFEE_5EED_2024
    public static let defaultCount = 12_000

    /// At least `count` strings (never fewer than the built-in edge cases, which come first),
    /// plus one final multi-line string with trailing blank lines.
    public static func strings(count: Int = defaultCount, seed: UInt64 = defaultSeed) -> [String] {
        var random = SeededRandom(seed: seed)
        var strings = StringCorpusEdgeCases.all
        strings.reserveCapacity(max(count, strings.count))
        while strings.count < count {
            strings.append(randomString(&random))
        }
        // A keep-chomped block scalar last exercises the end of the stream.
        strings.append("the last one keeps its blank lines\n\n\n")
        return strings
    }

    /// One string from a randomly chosen family.
    public static func randomString(_ random: inout SeededRandom) -> String {
        switch random.below(12) {
        case 0, 1: return asciiText(&random)
        case 2: return indicatorHeavy(&random)
        case 3, 4: return numberLike(&random)
        case 5: return dateLike(&random)
        case 6: return wordLike(&random)
        case 7: return unicodeText(&random)
        case 8: return withControls(&random)
        case 9, 10: return multiLine(&random)
        default: return tokenSoup(&random)
        }
    }

    // MARK: - Families

    static func asciiText(_ random: inout SeededRandom) -> String {
        let length = random.within(0...24)
        return String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(random.within(0x20...0x7E)))) })
    }

    private static let indicatorAlphabet = Array("-?:,[]{}#&*!|>'\"%@` .~=<+aZ09\n\t")

    static func indicatorHeavy(_ random: inout SeededRandom) -> String {
        let length = random.within(1...8)
        return String((0..<length).map { _ in random.pick(indicatorAlphabet) })
    }

    private static let numberPieces = [
        "0", "1", "7", "9", "12", "_", "-", "+", ".", "e", "E", "e+", "e-", ":", ":30", ":5", ":60",
        "0x", "0o", "0b", "F", "a", "inf", "nan", "Inf", "NaN", "00", "5", "x",
    ]

    static func numberLike(_ random: inout SeededRandom) -> String {
        (0..<random.within(1...5)).map { _ in random.pick(numberPieces) }.joined()
    }

    static func dateLike(_ random: inout SeededRandom) -> String {
        func digits(_ count: Int, _ random: inout SeededRandom) -> String {
            String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(random.within(0x30...0x39)))) })
        }
        var text = digits(4, &random) + "-" + digits(random.within(1...2), &random) + "-" + digits(random.within(1...2), &random)
        if random.chance(1, in: 2) {
            text += random.pick(["T", "t", " ", "  ", "\t", "x"])
            text += digits(random.within(1...2), &random) + ":" + digits(2, &random) + ":" + digits(random.within(1...2), &random)
            if random.chance(1, in: 2) { text += "." + digits(random.within(0...3), &random) }
            text += random.pick(["", "Z", " Z", "+01:00", "-5", " -05:00", "+1:0", " "])
        }
        return text
    }

    private static let words = [
        "yes", "no", "true", "false", "on", "off", "null", "y", "n", "~", "nan", "inf", "NULL", "True",
    ]

    static func wordLike(_ random: inout SeededRandom) -> String {
        let word = random.pick(words)
        // Flip the case of some letters: only the listed spellings are special.
        return String(word.map { letter in
            random.chance(1, in: 3) ? Character(letter.isUppercase ? letter.lowercased() : letter.uppercased()) : letter
        })
    }

    private static let unicodeRanges: [ClosedRange<UInt32>] = [
        0x00A0...0x00FF, 0x0100...0x017F, 0x0370...0x03FF, 0x0400...0x04FF, 0x05D0...0x05EA,
        0x0600...0x06FF, 0x0300...0x036F, 0x2000...0x206F, 0x3000...0x303F, 0x4E00...0x9FFF,
        0xAC00...0xD7A3, 0xE000...0xF8FF, 0xFE00...0xFEFF, 0xFFF0...0xFFFF,
        0x1_0000...0x1_00FF, 0x1_D400...0x1_D7FF, 0x1_F300...0x1_F6FF, 0x1_F900...0x1_F9FF, 0x10_FF00...0x10_FFFF,
    ]

    static func unicodeText(_ random: inout SeededRandom) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.within(1...10) {
            if random.chance(1, in: 3) {
                scalars.append(Unicode.Scalar(UInt8(random.within(0x20...0x7E))))
                continue
            }
            let range = random.pick(unicodeRanges)
            let value = range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    static func withControls(_ random: inout SeededRandom) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.within(1...8) {
            let value: UInt32 = switch random.below(4) {
            case 0: UInt32(random.within(0x00...0x1F))
            case 1: UInt32(random.within(0x7F...0x9F))
            case 2: random.pick([0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0x0085, 0x00A0])
            default: UInt32(random.within(0x20...0x7E))
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    private static let lineStarts = ["", "", "", " ", "  ", "    ", "\t", "#", "- ", "key: ", "---", "..."]
    private static let lineEnds = ["", "", "", "", " ", "  ", ":", " #x", "\t"]

    static func multiLine(_ random: inout SeededRandom) -> String {
        var lines: [String] = []
        for _ in 0..<random.within(2...6) {
            let body = random.chance(1, in: 5) ? "" : random.pick(["a", "return x", "b c", "日本", "😀", "0755", "yes", "x: y"])
            lines.append(random.pick(lineStarts) + body + random.pick(lineEnds))
        }
        var text = lines.joined(separator: "\n")
        text = String(repeating: "\n", count: random.pick([0, 0, 0, 1, 2])) + text
        text += String(repeating: "\n", count: random.pick([0, 1, 1, 2, 3]))
        return text
    }

    private static let tokens = [
        "a", "foo", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "!", "&", "*",
        "1", "0x1", ".5", "yes", "null", "~", "\n", "\n\n", "é", "😀", "\u{FEFF}", "\t", "[", "}", ",",
        "2012-10-17", "arn:aws:s3:::b", "${AWS::Region}", "%", "@", "`", "|", ">", "=", "<<",
    ]

    static func tokenSoup(_ random: inout SeededRandom) -> String {
        (0..<random.within(1...6)).map { _ in random.pick(tokens) }.joined()
    }
}

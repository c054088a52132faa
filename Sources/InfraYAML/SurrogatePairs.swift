/// JSON writes a character outside the Basic Multilingual Plane as a UTF-16 surrogate pair,
/// `"\ud83d\ude80"` (Python's `json.dump` does by default). YAML 1.2 is a superset of JSON,
/// but libyaml rejects each half as an invalid escape. This rewrites each pair inside a
/// double-quoted string as YAML's 32-bit escape, `\U0001F680`, which libyaml reads.
///
/// It runs only when libyaml has refused the input for an invalid escape, so input that
/// parses is never touched. Strings are found as JSON finds them (a double quote opens and
/// closes one, a backslash escapes the next character), with YAML's single-quoted strings
/// skipped. A lone surrogate is left as it is, and libyaml's error stands.
enum SurrogatePairs {
    /// The rewritten bytes, or nil when there is no pair to rewrite.
    static func rewrite(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var inString = false
        output.reserveCapacity(input.count)
        while index < input.count {
            let byte = input[index]
            if !inString {
                if byte == quote {
                    inString = true
                } else if byte == apostrophe {
                    // A single-quoted scalar: copied as is up to its closing quote.
                    let end = input[(index + 1)...].firstIndex(of: apostrophe) ?? input.count - 1
                    output.append(contentsOf: input[index...end])
                    index = end + 1
                    continue
                }
                output.append(byte)
                index += 1
                continue
            }
            if byte == quote {
                inString = false
            } else if byte == backslash, index + 1 < input.count {
                if let high = unit(input, at: index), (0xD800...0xDBFF).contains(high),
                   let low = unit(input, at: index + 6), (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    output.append(contentsOf: Array("\\U".utf8) + hex(scalar, digits: 8))
                    index += 12
                    changed = true
                    continue
                }
                // Any other escape: the backslash and the character it escapes.
                output.append(byte)
                output.append(input[index + 1])
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return changed ? output : nil
    }

    /// The value of `\uXXXX` at `index`, if that is what is there.
    private static func unit(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 6 <= input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value = 0
        for byte in input[(index + 2)..<(index + 6)] {
            guard let digit = hexDigit(byte) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    private static func hex(_ value: Int, digits: Int) -> [UInt8] {
        let text = String(value, radix: 16, uppercase: true)
        return Array((String(repeating: "0", count: max(0, digits - text.count)) + text).utf8)
    }
}

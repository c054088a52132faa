import CloudFormation

/// Character and length rules shared by the names AWS accepts (tables, indexes, functions, Sids).
enum NameRules {
    /// How a broken rule reads. Older checks report length and characters apart; new ones
    /// use `.combined`. Both are kept because existing messages must not change.
    enum MessageStyle {
        /// `<kind> '<name>' must be 1 to 64 characters of [A-Za-z0-9_-]`.
        case combined
        /// `<kind> '<name>' has 70 characters; the limit is 64` (or `it needs 3 to 255`), then
        /// `<kind> '<name>' contains ' '; only [a-zA-Z0-9_.-] are allowed`.
        case separate
    }

    /// Reports `name` when its length is outside `length` or a character is not `allowed`.
    /// - Parameters:
    ///   - characters: the allowed set as the message shows it, `[A-Za-z0-9_-]`; nil when any is.
    ///   - suffix: an ending allowed besides the characters (`.fifo`), counted in the length.
    static func check(
        _ name: String, kind: String, length: ClosedRange<Int>, characters: String? = nil, allowed: (Character) -> Bool = { _ in true },
        allowedASCII: ((UInt8) -> Bool)? = nil, suffix: String? = nil, style: MessageStyle = .combined, of resource: Resource, at path: PropertyPath, in context: SynthesisContext
    ) {
        var stem = Substring(name)
        if let suffix, stem.hasSuffix(suffix) { stem = stem.dropLast(suffix.count) }
        let invalid = firstInvalidCharacter(in: String(stem), allowed: allowed, allowedASCII: allowedASCII)
        // Made only for a message: names are checked on every synthesis.
        var shown: String { Diagnostic.abbreviated(name) }
        switch style {
        case .combined:
            // `.fifo` alone is not a name: the suffix needs something before it.
            if !length.contains(name.count) || stem.isEmpty || invalid != nil {
                let ending = suffix.map { ", with an optional \($0) suffix" } ?? ""
                let set = characters.map { " of \($0)" } ?? ""
                context.error(resource, at: path, "\(kind) '\(shown)' must be \(length.lowerBound) to \(length.upperBound) characters\(set)\(ending)")
            }
        case .separate:
            if !length.contains(name.count) {
                let limit = length.lowerBound <= 1 ? "the limit is \(length.upperBound)" : "it needs \(length.lowerBound) to \(length.upperBound)"
                context.error(resource, at: path, "\(kind) '\(shown)' has \(name.count) characters; \(limit)")
            } else if let invalid, let characters {
                context.error(resource, at: path, "\(kind) '\(shown)' contains \(invalid); only \(characters) are allowed")
            }
        }
    }

    /// Reports text longer than `limit` characters: descriptions, display names.
    static func checkLength(_ text: String?, kind: String, limit: Int, of resource: Resource, at path: PropertyPath, in context: SynthesisContext) {
        guard let text, text.count > limit else { return }
        context.error(resource, at: path, "\(kind) has \(text.count) characters; the limit is \(limit)")
    }

    // The character sets below read the character's ASCII value once and compare bytes: a
    // character that has none (not ASCII, or several scalars) is in none of them, and
    // comparing Characters one by one cost hundreds of instructions a character.

    /// `[a-zA-Z0-9_.-]`: DynamoDB table and index names.
    static func isDynamoDBNameCharacter(_ character: Character) -> Bool {
        character.asciiValue.map(isDynamoDBNameByte) ?? false
    }

    /// `isDynamoDBNameCharacter` of the character with this ASCII value.
    static func isDynamoDBNameByte(_ ascii: UInt8) -> Bool {
        isASCIILetterOrDigit(ascii) || ascii == UInt8(ascii: "_") || ascii == UInt8(ascii: ".") || ascii == UInt8(ascii: "-")
    }

    /// `[A-Za-z0-9_-]`: SQS queue and SNS topic names, before an optional `.fifo`.
    static func isQueueNameCharacter(_ character: Character) -> Bool {
        character.asciiValue.map(isQueueNameByte) ?? false
    }

    /// `isQueueNameCharacter` of the character with this ASCII value.
    static func isQueueNameByte(_ ascii: UInt8) -> Bool {
        isASCIILetterOrDigit(ascii) || ascii == UInt8(ascii: "_") || ascii == UInt8(ascii: "-")
    }

    /// `[\w+=,.@-]`: IAM role and policy names.
    static func isIAMNameCharacter(_ character: Character) -> Bool {
        character.asciiValue.map(isIAMNameByte) ?? false
    }

    /// `isIAMNameCharacter` of the character with this ASCII value.
    static func isIAMNameByte(_ ascii: UInt8) -> Bool {
        switch ascii {
        case UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "-"): return true
        default: return isASCIILetterOrDigit(ascii)
        }
    }

    /// `Character.isASCIILetterOrDigit` of the character with this ASCII value.
    static func isASCIILetterOrDigit(_ ascii: UInt8) -> Bool {
        (ascii >= 48 && ascii <= 57) || (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122)
    }

    /// The first character that breaks the rule, quoted for a message.
    /// - Parameter allowedASCII: `allowed` of the character with this ASCII value, when the
    ///   set can say so on the byte (the sets above).
    static func firstInvalidCharacter(in text: String, allowed: (Character) -> Bool, allowedASCII: ((UInt8) -> Bool)? = nil) -> String? {
        // ASCII without a carriage return (CR LF is one character) has one character per
        // byte, found without breaking the text into grapheme clusters.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            for byte in text.utf8 {
                let isAllowed = allowedASCII?(byte) ?? allowed(Character(Unicode.Scalar(byte)))
                if !isAllowed { return "'\(Character(Unicode.Scalar(byte)))'" }
            }
            return nil
        }
        return text.first { !allowed($0) }.map { "'\($0)'" }
    }

    /// `message-group-sk-index` -> `MessageGroupSkIndex`: a readable, alphanumeric Sid part.
    static func pascalCase(_ text: String) -> String {
        var result = ""
        var upperNext = true
        for character in text {
            if character.isASCIILetterOrDigit {
                result += upperNext ? character.uppercased() : String(character)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return result
    }
}

extension Character {
    var isASCIILetterOrDigit: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 48 && ascii <= 57) || (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122)
    }
}

/// Character and length rules shared by the names AWS accepts (tables, indexes, functions, Sids).
enum NameRules {
    /// `[a-zA-Z0-9_.-]`: DynamoDB table and index names.
    static func isDynamoDBNameCharacter(_ character: Character) -> Bool {
        character.isASCIILetterOrDigit || character == "_" || character == "." || character == "-"
    }

    /// `[a-zA-Z0-9-_]`: Lambda function names.
    static func isFunctionNameCharacter(_ character: Character) -> Bool {
        character.isASCIILetterOrDigit || character == "_" || character == "-"
    }

    /// The first character that breaks the rule, quoted for a message.
    static func firstInvalidCharacter(in text: String, allowed: (Character) -> Bool) -> String? {
        text.first { !allowed($0) }.map { "'\($0)'" }
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

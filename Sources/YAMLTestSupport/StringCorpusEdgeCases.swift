/// Hand-picked strings at the edges of YAML's scalar styles and implicit resolvers.
/// Every corpus starts with all of them.
enum StringCorpusEdgeCases {
    static let all: [String] = everyday + resolverWords + integers + floats + sexagesimals
        + timestamps + indicatorCases + spacing + unicode + controls + multiLine

    /// Strings CloudFormation templates are full of; they should stay plain.
    static let everyday = [
        "python3.13", "cruddur-messages", "arn:aws:iam::123456789012:role/cruddur", "10.0.0.0/16",
        "AWS::DynamoDB::Table", "${AWS::StackName}-queue", "index.handler", "a", "Hello, world",
        "key=value", "x-y_z", "1.2.3", "v1.0", "s3://bucket/key", "https://example.com/a?b=c#d",
        "user@example.com", "C:\\path", "50%", "a'b", "a\"b", "it's", "a,b", "[a]b", "a]",
        "a{b}", "$", "^x$", "()", "a&b", "a*b", "a!b", "a|b", "a>b", "a%b", "a@b", "a`b",
    ]

    static let resolverWords: [String] = {
        let words = [
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF",
            "null", "Null", "NULL", "~", "",
        ]
        let nearMisses = [
            "tRUE", "yES", "oN", "oFF", "nULL", "nul", "nulls", "yess", "y ", " n", "t", "f",
            "o", "O", "ye", "tru", "~~", "~a", "Nope", "NaN", "nan", "inf", "Inf", "INF",
        ]
        return words + nearMisses + ["<<", "<", "<<<", "< <", "=", "==", "!", "&", "*"]
    }()

    static let integers = [
        "0", "-0", "+0", "7", "12", "-12", "+12", "1_000", "1__0", "_1", "_", "__", "+_", "-_1",
        "0b1010", "-0b1", "+0b_1", "0b_", "0b", "0b2", "0o17", "0o", "0o8", "-0o7", "017", "0_",
        "08", "09", "0x", "0xFF", "0xff", "0x_", "0x1F", "+0x1F", "-0xg", "0X1F", "00", "0123456789",
        "123456789012345678901234567890", "1,000", "1 000", "- 1", "+-1", "--1", "1-",
    ]

    static let floats = [
        "1.0", "1.", "-1.", ".5", "-.5", "+.5", "._", "._5", "._e+1", "1e3", "1E3", "1e+3", "1e-3",
        "1.5e-3", "1.5E+03", ".5e3", ".5e+3", "._5e3", "._5e+3", "1_0.5", "1__2.", "1.2e", "1e",
        "e3", "1.e5", "-1_0e1_0", "0.0", "-0.0", "1.5.", ".", "..", "-.", "+.", ".inf", ".Inf",
        ".INF", "+.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "-.nan", "+.nan", ".iNf", ".nAn",
        ".infinity", "1e3x", "0.1.2", "3.14159",
    ]

    static let sexagesimals = [
        "190:20:30", "1:2", "0:30", "1:60", "1:59", "-1:30", "+1:30", "190:20:30.15", "0:30.5",
        "1:2:3:4", "1:123", "1:5:", "12:34:56.", "1_0:20", "1::2", "1:2.3.4", "00:00",
    ]

    static let timestamps = [
        "2012-10-17", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
        "2001-12-15T02:59:43.1Z", "2001-1-1", "2001-1-1T1:00:00", "2012-13-45", "2001-12-14 21:59:43.10 Z",
        "2001-12-14  21:59:43", "1999-01-01T00:00:00+01:00", "1999-01-01T00:00:00+1", "2001-12-14T21:59:43.",
        "2001-12-14T21:59", "20011214", "2001-12-14T21:59:43+01:0", "2001/12/14", "12-10-2012",
    ]

    /// Every YAML indicator alone, leading, inside and trailing, with and without spaces.
    static let indicatorCases: [String] = {
        var cases = ["---", "...", "--- a", "... a", "----", "a---", "--", "-- a", "a: b", "a:b", "a:",
                     "a :", "a #b", "a#b", "#a", "- a", "-a", "? a", "?a", ": a", ":a", "a ? b",
                     "a - b", "%YAML", "a\u{3000}b", "-\u{A0}a"]
        for indicator in "-?:,[]{}#&*!|>'\"%@`" {
            let c = String(indicator)
            cases += [c, c + "a", "a" + c, "a" + c + "b", c + " a", "a " + c, "a " + c + " b", c + c]
        }
        return cases
    }()

    static let spacing = [
        " ", "  ", " a", "a ", " a ", "a  b", "\ta", "a\t", "a\tb", "\t", " \t ", "a \t",
    ]

    static let unicode = [
        "héllo", "日本語", "😀", "a😀b", "e\u{301}", "é", "\u{A0}", "\u{A0}a\u{A0}", "\u{FEFF}",
        "\u{FEFF}a", "a\u{FEFF}", "a\u{200B}b", "\u{2028}", "a\u{2029}b", "\u{85}", "a\u{85}b",
        "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{D7FF}", "ü: x", "Ω #",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🇩🇪", "👩‍👩‍👧", "عربى", "עברית", "\u{1F600}\n\u{1F600}", "ß", "ﬃ", "\u{0301}a",
    ]

    static let controls: [String] = {
        var cases: [String] = []
        for value in Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            cases += [c, "a" + c + "b"]
        }
        return cases
    }()

    static let multiLine = [
        "a\nb", "a\nb\n", "a\nb\n\n", "a\nb\n\n\n", "\na", "\n\na\n", "\n", "\n\n", " a\nb", "  a\n b\n",
        "a\n  b", "a \nb", "a\n b ", "a\n\n  b", "a\r\nb", "a\rb", "\ta\nb", "a\n\tb", "  \n", " \n a",
        "a\n ", "x\n\n\n\n", "---\n...\n", "a\n---\nb", "a\n...\n", "# comment\nx", "a\n#b", "a\n- b",
        "a:\n  b: c\n", "\n a", "\n\n  a\n", "a\n\n", "'\n'", "\"\n\"", "|\n>", "a\n\u{A0}b",
        "def handler(event, context):\n    return {\"statusCode\": 200}\n",
        "import json\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return event\n",
        "#!/bin/bash\nset -euo pipefail\nyum install -y httpd\n",
        "    indented first line\nsecond\n",
        "line with trailing spaces  \nnext",
        "ends with keep\n\n",
    ]
}

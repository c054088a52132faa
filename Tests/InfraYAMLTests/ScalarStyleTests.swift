import InfraYAML
import Testing

/// Each scalar style decision, checked against the exact YAML text.
@Suite struct ScalarStyleTests {
    @Test(arguments: [
        "python3.13", "cruddur-messages", "arn:aws:sqs:eu-central-1:123456789012:queue", "10.0.0.0/16",
        "AWS::DynamoDB::Table", "${AWS::StackName}-x", "it's", "a,b", "a:b:c", "a#b", "é", "日本語",
        "1.2.3", "_1", "0b2", "0:30", "tRUE", "nan", "\u{A0}", "-a", "?a", ":a", "2001/12/14",
    ])
    func plainWhenUnambiguous(text: String) throws {
        #expect(try yamlValue(.string(text)) == "v: \(text)\n")
    }

    @Test(arguments: [
        // resolvers: bool, null, int, float, timestamp, sexagesimal, octal, hex, .inf/.nan, merge, value
        "2012-10-17", "on", "Off", "y", "N", "yes", "TRUE", "false", "~", "null", "NULL",
        "0755", "0o17", "0x1F", "0b1010", "+1", "-12", "1_000", "+_",
        "1e3", "1E+3", ".5", "-.5", "._5", ".5e3", "1.", "3.14",
        "190:20:30", "1:2", "190:20:30.15", ".inf", "-.Inf", ".NaN",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "<<", "=",
    ])
    func singleQuotedWhenAResolverWouldClaimIt(text: String) throws {
        #expect(try yamlValue(.string(text)) == "v: '\(text)'\n")
    }

    @Test func singleQuotedEmptyString() throws {
        #expect(try yamlValue(.string("")) == "v: ''\n")
        #expect(try yaml(.string("")) == "''\n")
    }

    @Test(arguments: [
        (" leading", "' leading'"), ("trailing ", "'trailing '"), ("a: b", "'a: b'"), ("a:", "'a:'"),
        ("a #b", "'a #b'"), ("#a", "'#a'"), ("- a", "'- a'"), ("-", "'-'"), ("? a", "'? a'"),
        (": a", "': a'"), ("---", "'---'"), ("...x", "'...x'"), ("[a]", "'[a]'"), ("{a}", "'{a}'"),
        ("&a", "'&a'"), ("*a", "'*a'"), ("!Ref", "'!Ref'"), ("|", "'|'"), (">", "'>'"),
        ("'q'", "'''q'''"), ("\"q\"", "'\"q\"'"), ("%YAML", "'%YAML'"), ("@a", "'@a'"), ("`a", "'`a'"),
        (",", "','"),
    ])
    func singleQuotedForLeadingOrTrailingSpecials(text: String, written: String) throws {
        #expect(try yamlValue(.string(text)) == "v: \(written)\n")
    }

    @Test func literalClipsASingleFinalLineBreak() throws {
        #expect(try yamlValue(.string("a\nb\n")) == "v: |\n  a\n  b\n")
    }

    @Test func literalStripsWithoutFinalLineBreak() throws {
        #expect(try yamlValue(.string("a\nb")) == "v: |-\n  a\n  b\n")
    }

    @Test func literalKeepsTrailingBlankLines() throws {
        #expect(try yamlValue(.string("a\n\n")) == "v: |+\n  a\n\n")
        // At the very end of the stream, and without libyaml's "..." marker.
        #expect(try yaml(.sequence([.string("x"), .string("a\nb\n\n\n")])) == "- x\n- |+\n  a\n  b\n\n\n")
    }

    @Test func literalGetsAnIndentationIndicatorWhenTheFirstLineStartsWithASpace() throws {
        #expect(try yamlValue(.string("  indented\nnext\n")) == "v: |2\n    indented\n  next\n")
        #expect(try yamlValue(.string(" a\nb")) == "v: |2-\n   a\n  b\n")
    }

    @Test func literalWithLeadingBlankLine() throws {
        #expect(try yamlValue(.string("\na\n")) == "v: |2\n\n  a\n")
    }

    @Test func literalForInlineLambdaCode() throws {
        let code = "import json\n\ndef handler(event, context):\n    return {\"ok\": True}\n"
        let expected = """
            ZipFile: |
              import json

              def handler(event, context):
                  return {"ok": True}

            """
        #expect(try yaml(map([("ZipFile", .string(code))])) == expected)
    }

    @Test(arguments: [
        ("a \nb", #""a \nb""#),                 // trailing spaces on a line
        ("a\n ", #""a\n ""#),                   // trailing space at the end
        ("\t", #""\t""#), ("a\tb", #""a\tb""#), // tab
        ("\u{0}", #""\0""#), ("\u{7}", #""\a""#), ("\u{1B}", #""\e""#), ("\u{7F}", #""\x7F""#),
        ("\r\n", #""\r\n""#), ("a\rb", #""a\rb""#),
        ("\u{85}", #""\N""#), ("\u{2028}", #""\L""#), ("a\u{2029}b", #""a\Pb""#), ("\u{9F}", #""\x9F""#),
        ("\u{FEFF}x", #""\uFEFFx""#), ("\u{FFFE}", #""\uFFFE""#),
        ("😀", #""\U0001F600""#), ("a\n\u{1F600}", #""a\n\U0001F600""#),
    ])
    func doubleQuotedWhenNothingElseCarriesIt(text: String, written: String) throws {
        #expect(try yamlValue(.string(text)) == "v: \(written)\n")
    }

    @Test func numbersBooleansAndNullsArePlain() throws {
        #expect(try yamlValue(.integer(42)) == "v: 42\n")
        #expect(try yamlValue(.integer(-7)) == "v: -7\n")
        #expect(try yamlValue(.number(1.5)) == "v: 1.5\n")
        #expect(try yamlValue(.number(3.0)) == "v: 3\n")
        // An exponent gets a fraction: YAML 1.1 reads `1e-05` as a string, `1.0e-05` as a number.
        #expect(try yamlValue(.number(0.00001)) == "v: 1.0e-05\n")
        #expect(try yamlValue(.number(1e16)) == "v: 1.0e+16\n")
        #expect(try yamlValue(.number(-2.5e-7)) == "v: -2.5e-07\n")
        #expect(try yamlValue(.boolean(true)) == "v: true\n")
        #expect(try yamlValue(.null) == "v: null\n")
        #expect(try yamlValue(.scalar(Scalar("0x1F", kind: .number))) == "v: 0x1F\n")
    }

    @Test func requestedStylesAreHonouredWhenTheyKeepTheMeaning() throws {
        #expect(try yamlValue(.scalar(Scalar("x", style: .singleQuoted))) == "v: 'x'\n")
        #expect(try yamlValue(.scalar(Scalar("x", style: .doubleQuoted))) == "v: \"x\"\n")
        #expect(try yamlValue(.scalar(Scalar("x", style: .literal))) == "v: |-\n  x\n")
        #expect(try yamlValue(.scalar(Scalar("a b\nc\n", style: .folded))) == "v: >\n  a b\n\n  c\n")
        // Plain would turn it into a boolean; a literal cannot carry a tab.
        #expect(try yamlValue(.scalar(Scalar("on", style: .plain))) == "v: 'on'\n")
        #expect(try yamlValue(.scalar(Scalar("a\tb\n", style: .literal))) == "v: \"a\\tb\\n\"\n")
        #expect(try yamlValue(.scalar(Scalar("a\nb", style: .singleQuoted))) == "v: |-\n  a\n  b\n")
    }

    @Test func keysAreQuotedByTheSameRules() throws {
        let node = try map([("on", .string("x")), ("python3.13", .string("w")), ("", .string("z")), ("a: b", .null)])
        let written = try yaml(node)
        #expect(written == "'on': x\npython3.13: w\n'': z\n'a: b': null\n")
    }
}

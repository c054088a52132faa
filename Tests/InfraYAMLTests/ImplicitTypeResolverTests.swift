@testable import InfraYAML
import Testing

/// The byte-level resolvers: exactly the union of the YAML 1.1 and 1.2 readers, and the core schema.
@Suite struct ImplicitTypeResolverTests {
    private func ambiguous(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ImplicitTypeResolver.isAmbiguousAsPlain($0) }
    }

    private func coreKind(_ text: String) -> Scalar.Kind {
        var text = text
        return text.withUTF8 { ImplicitTypeResolver.coreSchemaKind($0) }
    }

    @Test(arguments: [
        // null and bool, every version
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        // int: 1.1 binary/octal/hex/underscores/sexagesimal, 1.2 0o and signed/underscored forms
        "0", "-0", "+12", "1_000", "0b1010", "-0b1", "0b_", "0755", "0_", "08", "0o17", "-0o7", "0x1F",
        "+0x_", "0xff", "190:20:30", "1:2", "-1:59", "1_0:20", "+_", "-__1", "1__",
        // float: 1.1 (sign-required exponent), ruamel 1.2, core 1.2 (optional sign, no dot)
        "1.0", "1.", "-1_0.5e+3", ".5", "-.5", "+.5", "._", "._5e+3", "1e3", "1E-3", "1_0e5",
        ".5e3", "190:20:30.15", "0:30.5", "-1:2.", "12:34:56.", ".inf", ".Inf", "+.INF", "-.inf", ".nan", ".NaN", ".NAN",
        // timestamps
        "2012-10-17", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
        "2001-1-1T1:00:00", "2001-12-14  21:59:43 Z", "2012-13-45", "1999-01-01T00:00:00+01:00",
        // merge and value keys
        "<<", "=",
    ])
    func claimedBySomeReader(text: String) {
        #expect(ambiguous(text))
    }

    @Test(arguments: [
        "python3.13", "cruddur-messages", "arn:aws:s3:::b", "10.0.0.0/16", "1.2.3", "v1",
        "tRUE", "yES", "nul", "nan", "inf", ".iNf", "-.nan", "+.nan", "_", "_1", "__", "0b", "0b2",
        "0o", "0o8", "0x", "0xg", "0X1F", "-0xg", "1e", "1e3x", "e3", "1.2e", "._5e3", ".", "..", "-.", "+.",
        "0:30", "00:00", "1:60", "1:123", "1::2", "1:5:",
        "2001-1-1", "2001-12-14T21:59", "2001-12-14T21:59:43+01:0", "2001/12/14", "20011214x", "12-10-2012",
        "2001-12-14 21:59:43 ", "<", "<<<", "==", "1,000", "1 000", "+-1", "--1", "1-", "é", "٣",
    ])
    func aStringToEveryReader(text: String) {
        #expect(!ambiguous(text))
    }

    @Test(arguments: [
        ("", Scalar.Kind.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .boolean), ("False", .boolean), ("TRUE", .boolean),
        ("0", .number), ("-12", .number), ("+7", .number), ("0o17", .number), ("0x1F", .number),
        ("1.5", .number), ("1.", .number), (".5", .number), ("-.5e-3", .number), ("1e3", .number),
        (".inf", .number), ("-.Inf", .number), (".NaN", .number),
        // YAML 1.1-only forms are strings under the 1.2 core schema
        ("yes", .string), ("on", .string), ("y", .string), ("0b101", .string), ("1_000", .string),
        ("-0x1F", .string), ("+0o7", .string), ("190:20:30", .string), ("2012-10-17", .string),
        ("-.nan", .string), ("nULL", .string), ("<<", .string), (".", .string), ("1e", .string),
    ])
    func coreSchema(text: String, kind: Scalar.Kind) {
        #expect(coreKind(text) == kind)
    }
}

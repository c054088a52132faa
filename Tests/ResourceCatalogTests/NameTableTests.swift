import Testing
@testable import ResourceCatalog

@Suite struct NameTableTests {
    @Test func findsWhatADictionaryFinds() {
        let names = ["BucketName", "Tags", "VersioningConfiguration", "Tags", "A"] + (0..<40).map { "Property\($0)" }
        let table = NameTable(names)
        let dictionary = Dictionary(names.indices.map { (names[$0], $0) }, uniquingKeysWith: { first, _ in first })
        // Canonically equivalent to "Tags" with a KELVIN SIGN-like twist: "\u{212A}" is K.
        let probes = names + ["", "Bucket", "bucketname", "Tags ", "\u{212A}ey", "Property40", "Ta\u{0301}gs"]
        for probe in probes {
            #expect(table.position(of: probe) == dictionary[probe], "\(probe)")
        }
    }

    @Test func aNonASCIINameIsComparedAsSwiftComparesIt() {
        let table = NameTable(["Key", "Ke\u{0301}y"])
        #expect(table.position(of: "\u{212A}ey") == 0)
        #expect(table.position(of: "K\u{00E9}y") == 1)
        #expect(table.position(of: "Key") == 0)
    }

    @Test func asciiClassesAgreeWithTheUnicodeProperties() {
        for value in UInt8(0)..<128 {
            let scalar = Unicode.Scalar(value)
            #expect(ScalarClass.predefined("s", scalar) == scalar.properties.isWhitespace)
            #expect(ScalarClass.isWord(scalar) == (scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
        }
    }
}

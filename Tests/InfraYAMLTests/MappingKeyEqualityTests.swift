import InfraYAML
import Testing

/// Two mappings whose keys are canonically equivalent but spelt with different code points
/// are different documents: YAML readers see different keys. Swift's `==` on String would
/// call them equal, so this fails if keys are ever compared as Strings.
@Suite("Mappings compare keys by code points")
struct MappingKeyEqualityTests {
    @Test func canonicallyEquivalentKeysMakeDifferentMappings() throws {
        let precomposed = try Mapping([("\u{E9}", .string("v"))])
        let combining = try Mapping([("e\u{301}", .string("v"))])
        #expect("\u{E9}" == "e\u{301}")  // what String equality says
        #expect(precomposed != combining)
        #expect(Node.mapping(precomposed) != Node.mapping(combining))
        #expect(precomposed == (try Mapping([("\u{E9}", .string("v"))])))
    }

    @Test func lookupFindsOnlyTheExactSpelling() throws {
        // Many keys, so that a String comparison would meet the other spelling while probing.
        var mapping = Mapping()
        for n in 0..<64 { try mapping.append("k\(n)", .string("\(n)")) }
        try mapping.append("\u{E9}", .string("precomposed"))
        #expect(mapping["e\u{301}"] == nil)
        #expect(mapping["\u{E9}"] == .string("precomposed"))
    }
}

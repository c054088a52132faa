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

    /// A mapping looks keys up by comparing them one by one while it is small and through an
    /// index once it grows: both ways must find exact spellings and refuse exact duplicates.
    @Test("small and large mappings find and refuse keys alike", arguments: [1, 12, 13, 40])
    func bothSearches(size: Int) throws {
        var mapping = Mapping()
        for n in 0..<size { try mapping.append("k\(n)", .string("\(n)")) }
        try mapping.append("\u{E9}", .string("precomposed"))
        try mapping.append("e\u{301}", .string("combining"))
        #expect(mapping["\u{E9}"] == .string("precomposed"))
        #expect(mapping["e\u{301}"] == .string("combining"))
        #expect(mapping["k0"] == .string("0"))
        #expect(mapping["k\(size - 1)"] == .string("\(size - 1)"))
        #expect(mapping["k\(size)"] == nil)
        #expect(throws: YAMLError.self) { try mapping.append("k0", .null) }
        #expect(throws: YAMLError.self) { try mapping.append("e\u{301}", .null) }
        #expect(mapping.count == size + 2)
        #expect(mapping.keys.last.map { Array($0.utf8) } == Array("e\u{301}".utf8))
    }
}

import Testing
@testable import ResourceCatalog

@Suite struct SchemaPatternTests {
    private func matches(_ pattern: String, _ text: String) -> Bool? {
        SchemaPattern(pattern).matches(text)
    }

    @Test func theSubset() {
        #expect(matches("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", "my-bucket") == true)
        #expect(matches("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", "My_Bucket") == false)
        #expect(matches("(LATEST|TRIM_HORIZON|AT_TIMESTAMP)+", "xLATESTx") == true)   // unanchored
        #expect(matches("^(LATEST|TRIM_HORIZON)$", "LATESTX") == false)
        #expect(matches(#"^[\w+=,.@-]+$"#, "app+role=1,a.b@c_d-e") == true)
        #expect(matches(#"^[\w+=,.@-]+$"#, "app/role") == false)
        #expect(matches(#"^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$"#, "/service") == true)
        #expect(matches(#"^[^\s]+$"#, "a b") == false)
        #expect(matches(#"^\d{3}-\d{2,}$"#, "123-45") == true)
        #expect(matches(#"^\d{3}-\d{2,}$"#, "123-4") == false)
        #expect(matches("^a{2,3}$", "aaaa") == false)
        #expect(matches("^(?:ab)+?c$", "ababc") == true)
        #expect(matches(#"^[.\-_/#A-Za-z0-9]{1,512}\Z"#, "/app/audit") == true)
        #expect(matches(#"^[.\-_/#A-Za-z0-9]{1,512}\Z"#, "app audit") == false)
        #expect(matches("^abc$", "abc\n") == true)          // $ before a final newline, as Python
        #expect(matches(#"^abc\Z"#, "abc\n") == false)
        #expect(matches("a{,2}", "a{,2}") == true)          // not a quantifier: literal braces
        #expect(matches(#"\bword\b"#, "a word here") == true)
        #expect(matches(#"\b([0-9]|[0-9][0-9])\b"#, "3.14") == true)   // Python's \b: "3" is a word
        #expect(matches(#"^[^\r\n]{1,20}$"#, "x\ny") == false)      // no multi-line anchors, as Python
    }

    @Test func beyondTheSubsetUsesRegex() {
        let lookahead = SchemaPattern("^(?!00000000)[0-9a-f]{8}$")
        #expect(!lookahead.isNative)
        #expect(lookahead.matches("00000000") == false)
        #expect(lookahead.matches("0000000a") == true)
        #expect(!SchemaPattern(#"^[\p{L}]+$"#).isNative)
    }

    @Test func longValuesAndPathologicalPatternsNeverHang() {
        let long = String(repeating: "a", count: 200_000)
        #expect(matches("^[a-z]*$", long) == true)          // iterative: no stack per character
        #expect(matches("^(a|b)*$", long) == nil)           // too deep to judge: no finding
        #expect(matches("^(a+)+$", String(repeating: "a", count: 40) + "!") != true)
    }

    /// Every pattern of the catalog that the subset matcher runs, against probe values, agrees
    /// with Swift's Regex (which the matcher replaces for speed), except where Regex departs
    /// from the Python semantics cfn-lint uses and the matcher follows: `\b` (Regex uses
    /// Unicode word boundaries, so "3.14" is one word) and `^`/`$` around a newline in the
    /// value; `theSubset` pins those cases.
    @Test func agreesWithRegexOnEveryCatalogPattern() throws {
        var patterns = Set<String>()
        func collect(_ shape: ValueShape, _ seen: inout Set<ObjectIdentifier>) {
            guard seen.insert(ObjectIdentifier(shape)).inserted else { return }
            if let pattern = shape.pattern { patterns.insert(pattern) }
            for child in shape.properties.map(\.shape) + shape.patternProperties.map(\.shape) + shape.oneOf + shape.anyOf + shape.allOf
                + shape.prefixItems + [shape.items].compactMap({ $0 }) {
                collect(child, &seen)
            }
            if case .shape(let extra) = shape.additionalProperties { collect(extra, &seen) }
        }
        for name in ResourceCatalog.typeNames {
            var seen = Set<ObjectIdentifier>()
            collect(try #require(ResourceCatalog.type(named: name)).propertiesShape(), &seen)
        }
        let probes = ["", "a", "abc", "my-bucket", "My_Bucket", "arn:aws:s3:::bucket/key", "arn:aws:iam::123456789012:role/app",
                      "sg-0123456789abcdef0", "subnet-12345678", "10.0.0.0/16", "2026-11-30T12:00:00Z", "us-east-1", " ", "a b",
                      "/path/to/", "x\ny", "ÉCOLE", "12345", "-1", "3.14", "LATEST", "app.handler", "*", "{\"a\": 1}",
                      String(repeating: "z", count: 300)]
        var native = 0
        var disagreements: [String] = []
        for pattern in patterns.sorted() {
            let compiled = SchemaPattern(pattern)
            guard compiled.isNative, !pattern.contains(#"\b"#), let regex = try? Regex(pattern) else { continue }
            native += 1
            for probe in probes {
                let expected = (try? regex.firstMatch(in: probe)) != nil
                if let answer = compiled.matches(probe), answer != expected, !probe.contains("\n") {
                    disagreements.append("\(pattern) on \(probe.debugDescription): \(answer), Regex \(expected)")
                }
            }
        }
        #expect(native > 2_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
    }
}

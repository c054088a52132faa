import InfraYAML
import Testing

/// Block layout: indentation, sequences inside mappings, tags, document framing.
@Suite struct EmitterLayoutTests {
    @Test func sequencesInsideMappingsAreIndentedAsCloudFormationUsersWriteThem() throws {
        let template = try map([
            ("Resources", map([
                ("Table", map([
                    ("Type", .string("AWS::DynamoDB::Table")),
                    ("Properties", map([
                        ("KeySchema", .sequence([
                            map([("AttributeName", .string("pk")), ("KeyType", .string("HASH"))]),
                        ])),
                    ])),
                ])),
            ])),
        ])
        let expected = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema:
                    - AttributeName: pk
                      KeyType: HASH

            """
        try expectYAML(template, expected)
    }

    @Test func nestedStructuresUseTwoSpaceIndentation() throws {
        let node = try map([
            ("a", map([("b", map([("c", .string("d"))]))])),
            ("list", .sequence([
                .string("x"),
                .sequence([.string("w"), .sequence([.string("z")])]),
                map([("k", .sequence([.string("v1"), .string("v2")])), ("after", .integer(1))]),
            ])),
            ("scalars", .sequence([.string("p"), .string("q")])),
            ("last", .string("end")),
        ])
        let expected = """
            a:
              b:
                c: d
            list:
              - x
              - - w
                - - z
              - k:
                  - v1
                  - v2
                after: 1
            scalars:
              - p
              - q
            last: end

            """
        try expectYAML(node, expected)
    }

    @Test func rootSequenceOfMappings() throws {
        let node = Node.sequence([try map([("a", .integer(1)), ("b", .integer(2))]), try map([("c", .null)])])
        try expectYAML(node, "- a: 1\n  b: 2\n- c: null\n")
    }

    @Test func emptyCollectionsAreWrittenInFlowStyle() throws {
        let node = try map([("list", .sequence([])), ("map", .mapping(Mapping())), ("x", .sequence([.sequence([])]))])
        try expectYAML(node, "list: []\nmap: {}\nx:\n  - []\n")
        try expectYAML(.sequence([]), "[]\n")
    }

    @Test func tagsOnScalarsSequencesAndMappings() throws {
        let node = try map([
            ("Arn", .string("Table.Arn", tag: Tag("!GetAtt"))),
            ("Name", .string("Table", tag: Tag("Ref"))),
            ("Url", .sequence([
                .string("https://${Host}/x"),
                map([("Host", .string("Api.Endpoint", tag: Tag("!GetAtt")))]),
            ], tag: Tag("!Sub"))),
            ("Custom", map([("a", .string("b"))], tag: Tag("!Thing"))),
            ("Zones", .sequence([], tag: Tag("!GetAZs"))),
            ("Empty", .string("", tag: Tag("!GetAZs"))),
            ("Quoted", .string("yes", tag: Tag("!Ref"))),
            ("Multi", .string("a\nb\n", tag: Tag("!Sub"))),
        ])
        let expected = """
            Arn: !GetAtt Table.Arn
            Name: !Ref Table
            Url: !Sub
              - https://${Host}/x
              - Host: !GetAtt Api.Endpoint
            Custom: !Thing
              a: b
            Zones: !GetAZs []
            Empty: !GetAZs ''
            Quoted: !Ref 'yes'
            Multi: !Sub |
              a
              b

            """
        try expectYAML(node, expected)
    }

    @Test func taggedRootNodes() throws {
        try expectYAML(.string("Bucket", tag: Tag("!Ref")), "!Ref Bucket\n")
        try expectYAML(.sequence([.string("a")], tag: Tag("!Join")), "!Join\n- a\n")
        try expectYAML(map([("a", .string("b"))], tag: Tag("!M")), "!M\na: b\n")
    }

    @Test func documentStartOnlyWhenAsked() throws {
        let node = try map([("a", .string("b"))])
        try expectYAML(node, "a: b\n")
        try expectYAML(node, "---\na: b\n", options: .init(explicitDocumentStart: true))
        try expectYAML(.string("x"), "--- x\n", options: .init(explicitDocumentStart: true))
    }

    @Test func rootScalarsEndWithANewline() throws {
        try expectYAML(.string("plain"), "plain\n")
        try expectYAML(.string("a\nb"), "|-\n  a\n  b\n")
        try expectYAML(.integer(3), "3\n")
    }

    @Test func longAndMultiLineKeysBecomeComplexKeys() throws {
        let long = String(repeating: "k", count: 129)
        let node = try map([
            (long, .sequence([.string("a"), .string("b")])),
            ("two\nlines", .string("v")),
            ("short", .sequence([.string("c")])),
        ])
        let expected = "? \(long)\n: - a\n  - b\n? |-\n  two\n  lines\n: v\nshort:\n  - c\n"
        try expectYAML(node, expected)
    }

    @Test func bytesAndStringAgree() throws {
        let node = try map([("k", .string("ünïcode"))])
        #expect(try Emitter().emitUTF8(node) == Array(try yaml(node).utf8))
        try expectYAML(node, "k: ünïcode\n")
    }

    @Test func tagsThatCannotBeWrittenAreErrors() {
        #expect(throws: YAMLError.invalid("tag '!' has no name", mark: nil)) {
            try yaml(.string("x", tag: Tag("!")))
        }
        #expect(throws: YAMLError.self) {
            try yaml(.sequence([], tag: Tag("!a\u{0}b")))
        }
    }

    @Test func unusualTagCharactersAreEscapedAndReadBack() throws {
        let node = Node.string("x", tag: Tag("!Fn::Weird tag/é"))
        let text = try yaml(node)
        #expect(text == "!Fn::Weird%20tag/%C3%A9 x\n")
        #expect(try Parser.parse(text) == .scalar(Scalar("x", tag: Tag("!Fn::Weird tag/é"), style: .plain)))
    }
}

import InfraYAML
import Testing
import YAMLTestSupport

/// Events handed to the emitter one at a time (``YAMLEventStream``) give the bytes of the tree
/// those events build (``NodeTreeBuilder``), and both refuse a duplicate key alike.
@Suite struct EventStreamTests {
    /// Hands a tree over as events, in document order.
    static func replay<Target: YAMLEventTarget & ~Copyable>(_ node: Node, into target: inout Target) throws(YAMLError) {
        switch node {
        case .scalar(let scalar):
            try target.scalar(scalar)
        case .sequence(let sequence):
            try target.beginSequence(tag: sequence.tag)
            for item in sequence.items { try replay(item, into: &target) }
            try target.endSequence()
        case .mapping(let mapping):
            try target.beginMapping(tag: mapping.tag)
            for entry in mapping.entries {
                try target.key(entry.key)
                try replay(entry.value, into: &target)
            }
            try target.endMapping()
        }
    }

    static func streamed(_ node: Node) throws -> String {
        try Emitter().emit { (stream: inout YAMLEventStream) throws(YAMLError) in try replay(node, into: &stream) }
    }

    static func built(_ node: Node) throws -> Node {
        var builder = NodeTreeBuilder()
        try replay(node, into: &builder)
        return try builder.finish()
    }

    static let trees: [Node] = {
        let strings = Array(StringCorpus.strings().prefix(400))
        var wide = Mapping()
        for index in 0..<40 { try! wide.append("key\(index)", .integer(index)) }
        return [
            .string("plain"),
            .sequence(strings.map { .string($0) }),
            .mapping(try! Mapping([
                ("Type", .string("AWS::SQS::Queue")),
                ("Empty", .sequence([])),
                ("EmptyMap", .mapping(Mapping())),
                ("Nested", .sequence([.sequence([.string("a"), .sequence([])]), .mapping(try! Mapping([("k", .sequence([.null]))]))])),
                ("Tagged", .sequence([.string("x", tag: Tag("!Sub")), .sequence([.string("a")], tag: Tag("!Join"))])),
                ("TaggedMap", .mapping(try! Mapping([("Fn::Sub", .string("y", tag: Tag("!Sub")))], tag: Tag("!Base64")))),
                ("Numbers", .sequence([.integer(1), .number(1e-5), .boolean(true)])),
                ("Wide", .mapping(wide)),
                ("Strings", .mapping(try! Mapping(strings.prefix(100).enumerated().map { ("s\($0.offset)", .string($0.element)) }))),
            ])),
        ]
    }()

    @Test func streamingWritesTheBytesOfTheTree() throws {
        for tree in Self.trees {
            #expect(try Self.streamed(tree) == Emitter().emit(tree))
        }
    }

    @Test func theBuilderBuildsTheTree() throws {
        for tree in Self.trees {
            #expect(try Self.built(tree) == tree)
        }
    }

    /// A duplicate is found once its value is complete, as `Mapping.append` finds it for a value
    /// built first: a duplicate inside the value is reported before the outer one.
    @Test(arguments: [3, 12, 13, 30])
    func duplicateKeysAreRefusedAlike(keys count: Int) {
        func events<Target: YAMLEventTarget & ~Copyable>(_ target: inout Target) throws(YAMLError) {
            try target.beginMapping(tag: nil)
            for index in 0..<count {
                try target.key("k\(index)")
                try target.scalar(Scalar("v"))
            }
            try target.key("k0")
            try target.beginMapping(tag: nil)
            try target.key("inner")
            try target.scalar(Scalar("1"))
            try target.key("inner")
            try target.scalar(Scalar("2"))
            try target.endMapping()
            try target.endMapping()
        }
        #expect(throws: YAMLError.duplicateKey("inner", mark: nil)) {
            _ = try Emitter().emit { (stream: inout YAMLEventStream) throws(YAMLError) in try events(&stream) }
        }
        #expect(throws: YAMLError.duplicateKey("inner", mark: nil)) {
            var builder = NodeTreeBuilder()
            try events(&builder)
        }
    }

    @Test(arguments: [3, 12, 13, 30])
    func aDuplicateAfterManyKeysIsRefused(keys count: Int) {
        func events<Target: YAMLEventTarget & ~Copyable>(_ target: inout Target) throws(YAMLError) {
            try target.beginMapping(tag: nil)
            for index in 0..<count {
                try target.key("k\(index)")
                try target.scalar(Scalar("v"))
            }
            try target.key("k\(count - 1)")
            try target.scalar(Scalar("again"))
            try target.endMapping()
        }
        #expect(throws: YAMLError.duplicateKey("k\(count - 1)", mark: nil)) {
            _ = try Emitter().emit { (stream: inout YAMLEventStream) throws(YAMLError) in try events(&stream) }
        }
        #expect(throws: YAMLError.duplicateKey("k\(count - 1)", mark: nil)) {
            var builder = NodeTreeBuilder()
            try events(&builder)
        }
    }

    /// Keys are compared by code points, as in `Mapping`: "é" and "e" + combining accent differ.
    @Test func canonicallyEquivalentKeysAreDistinct() throws {
        let tree = Node.mapping(try Mapping([("\u{E9}", .string("1")), ("e\u{301}", .string("2"))]))
        #expect(try Self.streamed(tree) == Emitter().emit(tree))
    }
}

import InfraYAML
import Testing
import YAMLTestSupport

/// Every generated string goes through emit then parse and comes back with the same code points,
/// as a string, in every position a string can take.
@Suite struct RoundTripPropertyTests {
    static let corpus = StringCorpus.strings()

    @Test func corpusIsLargeDeterministicAndVaried() {
        #expect(Self.corpus.count >= 10_000)
        let again = StringCorpus.strings().elementsEqual(Self.corpus, by: sameScalars)
        #expect(again)
        let otherSeed = StringCorpus.strings(seed: 1).elementsEqual(Self.corpus, by: sameScalars)
        #expect(!otherSeed)
        let scalars = Self.corpus.flatMap(\.unicodeScalars)
        #expect(scalars.contains { $0.value > 0xFFFF })           // beyond the BMP
        #expect(scalars.contains { $0.value < 0x20 && $0 != "\n" }) // controls
        #expect(scalars.contains("\u{FEFF}"))
        #expect(Self.corpus.contains { $0.hasPrefix("\n") } && Self.corpus.contains { $0.hasSuffix("\n\n") })
    }

    @Test func eachStringAloneAsTheDocument() throws {
        var failures: [String] = []
        for text in Self.corpus {
            let written = try Emitter().emit(.string(text))
            let read = try Parser.parse(written)
            guard case .scalar(let scalar) = read, sameScalars(scalar.text, text), scalar.kind == .string, scalar.tag == nil else {
                failures.append("\(text.debugDescription) -> \(written.debugDescription) -> \(read)")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
    }

    @Test(arguments: [Scalar.Style.automatic, .plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    func allStringsAsSequenceItems(requesting style: Scalar.Style) throws {
        let node = Node.sequence(Self.corpus.map { .scalar(Scalar($0, style: style)) })
        let read = try Parser.parse(try Emitter().emit(node))
        guard case .sequence(let sequence) = read else {
            Issue.record("not a sequence")
            return
        }
        try #require(sequence.items.count == Self.corpus.count)
        var failures: [String] = []
        for (text, item) in zip(Self.corpus, sequence.items) {
            guard case .scalar(let scalar) = item, sameScalars(scalar.text, text), scalar.kind == .string else {
                failures.append("\(text.debugDescription) -> \(item)")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
    }

    @Test func allStringsAsMappingKeysAndTaggedValues() throws {
        var mapping = Mapping()
        for text in Self.corpus where mapping[text] == nil {
            try mapping.append(text, .sequence([.string(text, tag: Tag("!Sub"))]))
        }
        let read = try Parser.parse(try Emitter().emit(.mapping(mapping)))
        guard case .mapping(let readMapping) = read else {
            Issue.record("not a mapping")
            return
        }
        try #require(readMapping.count == mapping.count)
        var failures: [String] = []
        for (original, copy) in zip(mapping.entries, readMapping.entries) {
            let value = copy.value
            guard sameScalars(original.key, copy.key),
                case .sequence(let items) = value,
                case .scalar(let scalar)? = items.items.first,
                sameScalars(scalar.text, original.key),
                scalar.tag == Tag("!Sub")
            else {
                failures.append("\(original.key.debugDescription) -> \(copy.key.debugDescription): \(value)")
                continue
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
    }

    @Test func syntheticTemplateRoundTripsExactly() throws {
        let text = try Emitter().emit(SyntheticTemplateSample.node)
        let read = try Parser.parse(text)
        #expect(try Emitter().emit(read) == text)
        #expect(read.withoutStyles == SyntheticTemplateSample.node.withoutStyles)
    }
}

extension Node {
    /// The tree with every scalar's style back to `.automatic` (the parser records styles).
    var withoutStyles: Node {
        switch self {
        case .scalar(var scalar):
            scalar.style = .automatic
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.items = sequence.items.map(\.withoutStyles)
            return .sequence(sequence)
        case .mapping(let mapping):
            var copy = Mapping(tag: mapping.tag)
            for entry in mapping.entries {
                try? copy.append(entry.key, entry.value.withoutStyles)
            }
            return .mapping(copy)
        }
    }
}

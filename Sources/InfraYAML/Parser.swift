import CLibYAML

/// Reads YAML text into ``Node`` trees through libyaml's event API.
///
/// - Tags are kept (`!Ref`, `!GetAtt`, `!Sub` on scalars, sequences and mappings); a global tag
///   such as `!!str` is ``YAMLError/invalid(_:mark:)``, the non-specific tag `!` just makes a string.
/// - Each scalar records its style. An untagged plain scalar gets its ``Scalar/Kind`` from the
///   YAML 1.2 core schema (null, bool, int, float); quoted, block and tagged scalars are strings.
///   The text is kept as written (`0x1F` stays `0x1F`).
/// - Anchors, aliases and merge keys (`<<`) are ``YAMLError/unsupported(_:mark:)``; a mapping key
///   that is not a scalar, or has a tag other than the non-specific `!`, is
///   ``YAMLError/invalid(_:mark:)``; a repeated key is
///   ``YAMLError/duplicateKey(_:mark:)``.
/// - JSON's UTF-16 surrogate-pair escapes (`"\ud83d\ude80"`) in double-quoted strings
///   are read as the one character they encode, as JSON readers do.
/// - Comments are skipped. Errors carry a 1-based line and column.
public enum Parser {
    /// The deepest nesting of sequences and mappings accepted; deeper input is
    /// ``YAMLError/invalid(_:mark:)``. It keeps work on the (recursive) tree within the stack.
    public static let maximumDepth = 512

    /// The single document in `text`. No document at all is `YAMLError.documentCount(0)`,
    /// more than one is `YAMLError.documentCount(n)`.
    public static func parse(_ text: String) throws(YAMLError) -> Node {
        try single(parseDocuments(text))
    }

    /// The single document in `bytes`: UTF-8, or UTF-16 with a byte order mark (what libyaml reads).
    public static func parse(utf8 bytes: [UInt8]) throws(YAMLError) -> Node {
        try single(parseDocuments(utf8: bytes))
    }

    /// Every document in `text`, in order; empty for an empty stream.
    public static func parseDocuments(_ text: String) throws(YAMLError) -> [Node] {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(YAMLError) in try parseDocuments(in: bytes) }
        }.get()
    }

    /// Every document in UTF-8 `bytes`, in order.
    public static func parseDocuments(utf8 bytes: [UInt8]) throws(YAMLError) -> [Node] {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) in try parseDocuments(in: buffer) }
        }.get()
    }

    private static func single(_ documents: [Node]) throws(YAMLError) -> Node {
        guard documents.count == 1, let document = documents.first else {
            throw YAMLError.documentCount(documents.count)
        }
        return document
    }

    private static func parseDocuments(in input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> [Node] {
        do {
            return try parseOnce(input)
        } catch {
            // JSON's surrogate-pair escapes ("\ud83d\ude80"), which libyaml refuses: read
            // again with each pair as one 32-bit escape (see SurrogatePairs).
            guard case .libyaml(let problem, _, _) = error, problem.contains("invalid Unicode character escape code"),
                  let rewritten = SurrogatePairs.rewrite(input) else { throw error }
            return try rewritten.withUnsafeBufferPointer { buffer in
                Result { () throws(YAMLError) in try parseOnce(buffer) }
            }.get()
        }
    }

    private static func parseOnce(_ input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> [Node] {
        // libyaml would report just STREAM-START and STREAM-END; it also needs a non-null base.
        guard let base = input.baseAddress, !input.isEmpty else { return [] }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError.libyaml(problem: "could not initialize the parser (out of memory)", context: nil, mark: nil)
        }
        defer { yaml_parser_delete(parser) }

        yaml_parser_set_input_string(parser, base, input.count)

        var builder = TreeBuilder()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw LibYAMLFailure.parser(parser, input: input)
            }
            defer { yaml_event_delete(&event) }
            guard try builder.consume(event) else { break }
        }
        return builder.documents
    }
}

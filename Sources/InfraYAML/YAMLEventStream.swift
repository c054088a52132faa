import CLibYAML

/// Hands a document's events straight to libyaml (``Emitter/emitUTF8(streaming:)``), for a
/// producer that would otherwise build a ``Node`` tree only to have it walked once: the same
/// events, so the same bytes, without building and freeing the tree.
public struct YAMLEventStream: YAMLEventTarget, ~Copyable {
    private var writer: NodeEventWriter
    private var open = OpenCollections()

    init(writer: consuming NodeEventWriter) {
        self.writer = writer
    }

    public mutating func beginMapping(tag: Tag?, expectedKeys: Int) throws(YAMLError) {
        try writer.beginMapping(tag: tag)
        open.openMapping(checksKeys: true)
    }

    /// Keys known distinct are not compared (each was ~300 instructions); debug builds compare
    /// them anyway, so that a producer whose promise is wrong fails its tests.
    public mutating func beginMapping(tag: Tag?, distinctKeys count: Int) throws(YAMLError) {
        try writer.beginMapping(tag: tag)
        var checks = false
        assert({ checks = true; return true }())
        open.openMapping(checksKeys: checks)
    }

    public mutating func key(_ key: String) throws(YAMLError) {
        try open.key(key)
        try writer.writeKey(key)
    }

    public mutating func endMapping() throws(YAMLError) {
        try open.closeMapping()
        try writer.endMapping()
    }

    public mutating func beginSequence(tag: Tag?) throws(YAMLError) {
        open.openSequence(startIndex: try writer.beginSequence(tag: tag))
    }

    public mutating func endSequence() throws(YAMLError) {
        try writer.endSequence(startedAt: try open.closeSequence())
    }

    public mutating func scalar(_ scalar: Scalar) throws(YAMLError) {
        try writer.writeScalar(scalar.text, kind: scalar.kind, tag: scalar.tag, style: scalar.style)
    }

    mutating func finish() throws(YAMLError) {
        guard open.isEmpty else { throw YAMLError.invalid("a collection was left open", mark: nil) }
        try writer.endStream()
    }
}

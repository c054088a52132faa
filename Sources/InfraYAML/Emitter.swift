import CLibYAML

/// Writes a ``Node`` tree as YAML through libyaml's event API.
///
/// The output is block style with a 2-space indent, sequences inside mappings indented as
/// CloudFormation templates are usually written, no line folding, UTF-8 (non-ASCII text is
/// written as is where YAML allows), a final newline, and no `---` unless asked for.
/// Each scalar's style follows from its content; see ``Scalar/Style``.
public struct Emitter: Sendable {
    /// How the document is framed.
    public struct Options: Hashable, Sendable {
        /// Starts the document with a `---` line.
        public var explicitDocumentStart: Bool

        public init(explicitDocumentStart: Bool = false) {
            self.explicitDocumentStart = explicitDocumentStart
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// The YAML text of one document holding `node`.
    public func emit(_ node: Node) throws(YAMLError) -> String {
        String(decoding: try emitUTF8(node), as: UTF8.self)
    }

    /// The UTF-8 bytes of one document holding `node`.
    public func emitUTF8(_ node: Node) throws(YAMLError) -> [UInt8] {
        try withWriter { writer throws(YAMLError) in
            try writer.writeStream(node, explicitDocumentStart: options.explicitDocumentStart)
        }
    }

    /// The UTF-8 bytes of one document whose one root node `produce` hands over event by event;
    /// the same bytes as emitting the tree those events build (``NodeTreeBuilder``).
    public func emitUTF8(streaming produce: (inout YAMLEventStream) throws(YAMLError) -> Void) throws(YAMLError) -> [UInt8] {
        try withWriter { writer throws(YAMLError) in
            try writer.beginStream(explicitDocumentStart: options.explicitDocumentStart)
            var stream = YAMLEventStream(writer: writer)
            try produce(&stream)
            try stream.finish()
        }
    }

    /// The text of ``emitUTF8(streaming:)``.
    public func emit(streaming produce: (inout YAMLEventStream) throws(YAMLError) -> Void) throws(YAMLError) -> String {
        String(decoding: try emitUTF8(streaming: produce), as: UTF8.self)
    }

    private func withWriter(_ write: (inout NodeEventWriter) throws(YAMLError) -> Void) throws(YAMLError) -> [UInt8] {
        let output = OutputBuffer()
        // libyaml holds only an unretained pointer to it: keep it alive on every path.
        defer { withExtendedLifetime(output) {} }
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else {
            throw YAMLError.libyaml(problem: "could not initialize the emitter (out of memory)", context: nil, mark: nil)
        }
        defer { yaml_emitter_delete(emitter) }

        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)  // never fold lines
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(emitter, appendToOutput, Unmanaged.passUnretained(output).toOpaque())

        var writer = NodeEventWriter(emitter: emitter)
        try write(&writer)
        return output.bytes
    }
}

/// The growing buffer libyaml's write handler appends to.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// libyaml's write handler: called with each filled chunk of its internal buffer.
private func appendToOutput(
    _ data: UnsafeMutableRawPointer?,
    _ buffer: UnsafeMutablePointer<UInt8>?,
    _ size: Int
) -> Int32 {
    guard let data else { return 0 }
    guard let buffer, size > 0 else { return 1 }
    let output = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
    output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
    return 1
}

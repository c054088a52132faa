import CLibYAML

/// Walks a ``Node`` tree and hands libyaml one event per step.
struct NodeEventWriter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private var indentation = BlockSequenceIndentation()
    private var keyStyles = KeyStyleMemo()

    init(emitter: UnsafeMutablePointer<yaml_emitter_t>) {
        self.emitter = emitter
    }

    /// A whole stream holding one document.
    mutating func writeStream(_ root: Node, explicitDocumentStart: Bool) throws(YAMLError) {
        try beginStream(explicitDocumentStart: explicitDocumentStart)
        try write(root)
        try endStream()
    }

    mutating func beginStream(explicitDocumentStart: Bool) throws(YAMLError) {
        try emit(what: "stream start") { LibYAMLEvents.streamStart($0) }
        try emit(what: "document start") { LibYAMLEvents.documentStart($0, explicit: explicitDocumentStart) }
    }

    mutating func endStream() throws(YAMLError) {
        try emit(what: "document end") { LibYAMLEvents.documentEnd($0) }
        // libyaml marks a document "open ended" after a keep-chomped (`|+`) block scalar and then
        // writes a `...` line at the end of the stream. With one document nothing can follow the
        // scalar's trailing blank lines, so the marker is only noise in a template; drop it.
        emitter.pointee.open_ended = 0
        try emit(what: "stream end") { LibYAMLEvents.streamEnd($0) }
    }

    mutating func write(_ node: Node) throws(YAMLError) {
        switch node {
        case .scalar(let scalar):
            try writeScalar(scalar.text, kind: scalar.kind, tag: scalar.tag, style: scalar.style)
        case .sequence(let sequence):
            let startIndex = try beginSequence(tag: sequence.tag)
            // By index: `for item in` copied each node and destroyed it again.
            let items = sequence.items
            for index in items.indices {
                try write(items[index])
            }
            try endSequence(startedAt: startIndex)
        case .mapping(let mapping):
            try beginMapping(tag: mapping.tag)
            let entries = mapping.entries
            for index in entries.indices {
                try writeKey(entries[index].key)
                try write(entries[index].value)
            }
            try endMapping()
        }
    }

    mutating func writeScalar(_ text: String, kind: Scalar.Kind, tag: Tag?, style: Scalar.Style) throws(YAMLError) {
        try checkTag(tag)
        try emit(what: "scalar") {
            LibYAMLEvents.scalar($0, text: text, kind: kind, tag: tag, requestedStyle: style)
        }
    }

    /// A key's style is remembered by its bytes (``KeyStyleMemo``).
    mutating func writeKey(_ key: String) throws(YAMLError) {
        var text = key
        let style = text.withUTF8 { bytes in
            keyStyles.style(for: bytes) { ScalarStyleRules.style(for: $0, kind: .string, requested: .automatic) }
        }
        try emit(what: "mapping key") { LibYAMLEvents.scalar($0, text: key, style: style) }
    }

    /// Returns the start's event index, which `endSequence` needs.
    mutating func beginSequence(tag: Tag?) throws(YAMLError) -> Int {
        try checkTag(tag)
        let startIndex = indentation.eventCount
        try emit(what: "sequence start") { LibYAMLEvents.sequenceStart($0, tag: tag) }
        return startIndex
    }

    mutating func endSequence(startedAt startIndex: Int) throws(YAMLError) {
        try handOver(what: "sequence end") { LibYAMLEvents.sequenceEnd($0) }
        try indentation.didEmitSequenceEnd(startedAt: startIndex, emitter)
    }

    mutating func beginMapping(tag: Tag?) throws(YAMLError) {
        try checkTag(tag)
        try emit(what: "mapping start") { LibYAMLEvents.mappingStart($0, tag: tag) }
    }

    mutating func endMapping() throws(YAMLError) {
        try emit(what: "mapping end") { LibYAMLEvents.mappingEnd($0) }
    }

    /// Builds one event, hands it to libyaml and lets the indentation logic look at the result.
    private mutating func emit(
        what: String,
        _ build: (UnsafeMutablePointer<yaml_event_t>) -> Int32
    ) throws(YAMLError) {
        try handOver(what: what, build)
        indentation.didEmit(emitter)
    }

    private func handOver(
        what: String,
        _ build: (UnsafeMutablePointer<yaml_event_t>) -> Int32
    ) throws(YAMLError) {
        var event = yaml_event_t()
        guard build(&event) == 1 else {
            throw YAMLError.libyaml(problem: "could not create the \(what) event (invalid UTF-8, too long, or out of memory)", context: nil, mark: nil)
        }
        // libyaml owns the event from here on, whether or not it succeeds.
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            throw LibYAMLFailure.emitter(emitter)
        }
    }

    /// Tags the tree can hold but YAML cannot write back as the same tag.
    private func checkTag(_ tag: Tag?) throws(YAMLError) {
        guard let tag else { return }
        if tag.name == "!" {
            throw YAMLError.invalid("tag '!' has no name", mark: nil)
        }
        if tag.name.utf8.contains(0) {
            throw YAMLError.invalid("tag '\(tag.name)' contains a NUL character", mark: nil)
        }
    }
}

import CLibYAML

/// Assembles ``Node`` trees from libyaml parser events, one document at a time.
///
/// Works with an explicit stack, never recursion, so input nesting cannot exhaust the call stack;
/// nesting is still capped (``Parser/maximumDepth``) because the finished tree is recursive.
struct TreeBuilder {
    private(set) var documents: [Node] = []
    private var root: Node?
    private var stack: [Frame] = []

    private struct Frame {
        var isMapping: Bool
        var tag: Tag?
        var items: [Node] = []
        var mapping: Mapping
        /// In a mapping: the key read and waiting for its value.
        var pendingKey: String?
        var pendingKeyMark: Mark?
    }

    /// Takes one event; returns false once the stream has ended.
    mutating func consume(_ event: yaml_event_t) throws(YAMLError) -> Bool {
        let mark = LibYAMLFailure.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return false
        case YAML_DOCUMENT_START_EVENT:
            root = nil
        case YAML_DOCUMENT_END_EVENT:
            guard let root else {
                throw YAMLError.invalid("document without content", mark: mark)
            }
            documents.append(root)
        case YAML_SCALAR_EVENT:
            try scalar(event, mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try checkNoAnchor(start.anchor, mark: mark)
            try open(isMapping: false, tag: try NodeTag.classify(start.tag, mark: mark).tag, mark: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try checkNoAnchor(start.anchor, mark: mark)
            try open(isMapping: true, tag: try NodeTag.classify(start.tag, mark: mark).tag, mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else {
                throw YAMLError.invalid("collection end without a start", mark: mark)
            }
            let node: Node = frame.isMapping ? .mapping(frame.mapping) : .sequence(Sequence(frame.items, tag: frame.tag))
            try deliver(node, mark: mark)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            throw YAMLError.unsupported("alias '*\(name)'", mark: mark)
        default:
            break  // STREAM-START, NO-EVENT
        }
        return true
    }

    /// The innermost collection is a mapping waiting for a key. Read field by field: `stack.last`
    /// copied the whole frame (its items and entries retained) at every event.
    private var awaitsKey: Bool {
        guard let top = stack.indices.last else { return false }
        return stack[top].isMapping && stack[top].pendingKey == nil
    }

    // MARK: - Scalars

    private mutating func scalar(_ event: yaml_event_t, mark: Mark) throws(YAMLError) {
        let data = event.data.scalar
        try checkNoAnchor(data.anchor, mark: mark)
        let tag = try NodeTag.classify(data.tag, mark: mark)
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE

        if awaitsKey {
            try key(bytes, tag: tag, isPlain: isPlain, mark: mark)
            return
        }

        let kind: Scalar.Kind = isPlain && tag == .absent ? ImplicitTypeResolver.coreSchemaKind(bytes) : .string
        let text = String(decoding: bytes, as: UTF8.self)
        try deliver(.scalar(Scalar(text, kind: kind, tag: tag.tag, style: Self.style(data.style))), mark: mark)
    }

    private mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, tag: NodeTag, isPlain: Bool, mark: Mark) throws(YAMLError) {
        let text = String(decoding: bytes, as: UTF8.self)
        if case .local(let local) = tag {
            throw YAMLError.invalid("mapping key '\(text)' has tag \(local); keys must be plain strings", mark: mark)
        }
        if isPlain && tag == .absent && text == "<<" {
            throw YAMLError.unsupported("merge key '<<'", mark: mark)
        }
        stack[stack.count - 1].pendingKey = text
        stack[stack.count - 1].pendingKeyMark = mark
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_PLAIN_SCALAR_STYLE: .plain
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .automatic
        }
    }

    // MARK: - Collections

    private mutating func open(isMapping: Bool, tag: Tag?, mark: Mark) throws(YAMLError) {
        if awaitsKey {
            throw YAMLError.invalid("mapping key is a \(isMapping ? "mapping" : "sequence"); keys must be scalars", mark: mark)
        }
        guard stack.count < Parser.maximumDepth else {
            throw YAMLError.invalid("nesting deeper than \(Parser.maximumDepth) levels", mark: mark)
        }
        stack.append(Frame(isMapping: isMapping, tag: tag, mapping: Mapping(tag: tag)))
    }

    /// Hands a finished node to its parent, or makes it the document's root.
    private mutating func deliver(_ node: consuming Node, mark: Mark) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            throw YAMLError.invalid("mapping key must be a scalar", mark: mark)
        }
        let keyMark = stack[top].pendingKeyMark
        stack[top].pendingKey = nil
        do {
            try stack[top].mapping.append(key, node)
        } catch {
            throw YAMLError.duplicateKey(key, mark: keyMark)
        }
    }

    private func checkNoAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, mark: Mark) throws(YAMLError) {
        guard let anchor else { return }
        throw YAMLError.unsupported("anchor '&\(String(cString: anchor))'", mark: mark)
    }
}

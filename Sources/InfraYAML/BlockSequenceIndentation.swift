import CLibYAML

/// Makes libyaml indent a block sequence that is a mapping value, as CloudFormation users write it:
///
///     KeySchema:
///       - AttributeName: pk
///
/// instead of libyaml's "indentless" `KeySchema:\n- AttributeName: pk` (valid, but not what
/// cfn-lint examples or people write).
///
/// Why this way: libyaml 0.2.5 has no setting for it. It decides "indentless" from
/// `mapping_context && !indention` inside the single state-machine step that writes the first
/// item, and `yaml_emitter_emit` may run that step in the same call that starts the sequence,
/// so no flag can be flipped in between. What *can* be set between calls is
/// `yaml_emitter_t.indent`, the current indentation level: raised by one step just before libyaml
/// takes the sequence's start event, libyaml's indentless items land exactly where indented
/// items go; it is lowered again once the sequence's end event has been processed. Nothing is
/// post-processed, and libyaml still writes every byte.
///
/// When: libyaml holds back some events until more are queued (a DOCUMENT-START for one more, a
/// SEQUENCE-START for two, a MAPPING-START for three, or until the collection is complete), and
/// takes each in turn once it may. So after each `yaml_emitter_emit` call the
/// next event it will take is at the head of its queue; if that is a non-empty sequence's start
/// and the emitter waits for the value of a simple mapping key, that sequence gets the raise.
/// A SEQUENCE-END is always processed by the call that hands it over (its own start and every
/// start inside it are complete by then), so the raise is taken back right after that call.
/// Values of complex (`? `) keys are already indented by libyaml and are left alone.
struct BlockSequenceIndentation {
    /// Events handed to libyaml so far; the index of the next one.
    private(set) var eventCount = 0
    /// Event indices of the sequence starts whose indentation was raised, innermost last.
    private var raisedSequenceStarts: [Int] = []

    /// Call after every successful `yaml_emitter_emit` except a sequence end.
    mutating func didEmit(_ emitter: UnsafeMutablePointer<yaml_emitter_t>) {
        eventCount += 1
        raiseIfIndentlessSequenceIsNext(emitter)
    }

    /// Call after the `yaml_emitter_emit` of the end of the sequence whose start had index `startIndex`.
    mutating func didEmitSequenceEnd(
        startedAt startIndex: Int,
        _ emitter: UnsafeMutablePointer<yaml_emitter_t>
    ) throws(YAMLError) {
        eventCount += 1
        guard raisedSequenceStarts.last == startIndex else { return }
        raisedSequenceStarts.removeLast()
        guard emitter.pointee.events.head == emitter.pointee.events.tail else {
            // Not reachable with libyaml 0.2.5's queueing; refuse rather than misindent.
            throw YAMLError.invalid("libyaml held back a sequence end; cannot restore its indentation", mark: nil)
        }
        emitter.pointee.indent -= emitter.pointee.best_indent
    }

    private mutating func raiseIfIndentlessSequenceIsNext(_ emitter: UnsafeMutablePointer<yaml_emitter_t>) {
        guard emitter.pointee.state == YAML_EMIT_BLOCK_MAPPING_SIMPLE_VALUE_STATE,
            emitter.pointee.flow_level == 0,
            let head = emitter.pointee.events.head,
            let tail = emitter.pointee.events.tail
        else { return }
        let queued = head.distance(to: tail)
        // An empty sequence (start then end) is written as `[]`; it needs nothing.
        guard queued >= 2,
            head.pointee.type == YAML_SEQUENCE_START_EVENT,
            head[1].type != YAML_SEQUENCE_END_EVENT
        else { return }
        let headIndex = eventCount - queued
        guard raisedSequenceStarts.last != headIndex else { return }
        raisedSequenceStarts.append(headIndex)
        emitter.pointee.indent += emitter.pointee.best_indent
    }
}

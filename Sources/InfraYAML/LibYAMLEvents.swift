import CLibYAML

/// Builds the libyaml events the emitter hands over. Each builder fills `event` and reports
/// libyaml's status (1 on success); on failure libyaml has already freed what it allocated.
///
/// A tagged node is given implicit flags of 0: libyaml drops the tag of any event that says
/// its tag may be implied.
enum LibYAMLEvents {
    static func streamStart(_ event: UnsafeMutablePointer<yaml_event_t>) -> Int32 {
        yaml_stream_start_event_initialize(event, YAML_UTF8_ENCODING)
    }

    static func streamEnd(_ event: UnsafeMutablePointer<yaml_event_t>) -> Int32 {
        yaml_stream_end_event_initialize(event)
    }

    static func documentStart(_ event: UnsafeMutablePointer<yaml_event_t>, explicit: Bool) -> Int32 {
        yaml_document_start_event_initialize(event, nil, nil, nil, explicit ? 0 : 1)
    }

    static func documentEnd(_ event: UnsafeMutablePointer<yaml_event_t>) -> Int32 {
        yaml_document_end_event_initialize(event, 1)
    }

    static func sequenceStart(_ event: UnsafeMutablePointer<yaml_event_t>, tag: Tag?) -> Int32 {
        withTag(tag) { tagBytes in
            yaml_sequence_start_event_initialize(event, nil, tagBytes, tagBytes == nil ? 1 : 0, YAML_BLOCK_SEQUENCE_STYLE)
        }
    }

    static func sequenceEnd(_ event: UnsafeMutablePointer<yaml_event_t>) -> Int32 {
        yaml_sequence_end_event_initialize(event)
    }

    static func mappingStart(_ event: UnsafeMutablePointer<yaml_event_t>, tag: Tag?) -> Int32 {
        withTag(tag) { tagBytes in
            yaml_mapping_start_event_initialize(event, nil, tagBytes, tagBytes == nil ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
        }
    }

    static func mappingEnd(_ event: UnsafeMutablePointer<yaml_event_t>) -> Int32 {
        yaml_mapping_end_event_initialize(event)
    }

    /// A scalar event; the style is chosen from the bytes while they are at hand.
    static func scalar(
        _ event: UnsafeMutablePointer<yaml_event_t>,
        text: String,
        kind: Scalar.Kind,
        tag: Tag?,
        requestedStyle: Scalar.Style
    ) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // libyaml takes the length as an `int`: a longer scalar is refused as it refused it.
            guard Int32(exactly: bytes.count) != nil else { return 0 }
            let style = ScalarStyleRules.style(for: bytes, kind: kind, requested: requestedStyle)
            return withTag(tag) { tagBytes in
                let implicit: Int32 = tagBytes == nil ? 1 : 0
                return scalarEvent(event, tag: tagBytes, value: bytes, implicit: implicit, style: style)
            }
        }
    }

    /// An untagged string scalar (a mapping key) whose style the caller has chosen.
    static func scalar(_ event: UnsafeMutablePointer<yaml_event_t>, text: String, style: yaml_scalar_style_t) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard Int32(exactly: bytes.count) != nil else { return 0 }
            return scalarEvent(event, tag: nil, value: bytes, implicit: 1, style: style)
        }
    }

    /// What `yaml_scalar_event_initialize` builds, without its UTF-8 check of the value and tag:
    /// both come from Swift strings, which are valid UTF-8, so the check cannot fail (it was a
    /// tenth of our share of emitting). libyaml takes ownership and releases the copies with
    /// `yaml_free`, which is `free`; they are allocated as libyaml allocates them (`yaml_malloc`,
    /// `yaml_strdup`: `malloc` of at least one byte, `strdup`).
    private static func scalarEvent(
        _ event: UnsafeMutablePointer<yaml_event_t>,
        tag: UnsafePointer<yaml_char_t>?,
        value: UnsafeBufferPointer<UInt8>,
        implicit: Int32,
        style: yaml_scalar_style_t
    ) -> Int32 {
        var tagCopy: UnsafeMutablePointer<yaml_char_t>?
        if let tag {
            guard let copy = strdup(UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self)) else { return 0 }
            tagCopy = UnsafeMutableRawPointer(copy).assumingMemoryBound(to: yaml_char_t.self)
        }
        guard let raw = malloc(value.count + 1) else {
            free(tagCopy)
            return 0
        }
        let valueCopy = raw.assumingMemoryBound(to: yaml_char_t.self)
        if let base = value.baseAddress { valueCopy.update(from: base, count: value.count) }
        valueCopy[value.count] = 0
        event.pointee = yaml_event_t()
        event.pointee.type = YAML_SCALAR_EVENT
        event.pointee.data.scalar.tag = tagCopy
        event.pointee.data.scalar.value = valueCopy
        event.pointee.data.scalar.length = value.count
        event.pointee.data.scalar.plain_implicit = implicit
        event.pointee.data.scalar.quoted_implicit = implicit
        event.pointee.data.scalar.style = style
        return 1
    }

    /// The tag as a NUL-terminated C string, or nil without a tag.
    private static func withTag(_ tag: Tag?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32) -> Int32 {
        guard let tag else { return body(nil) }
        return tag.name.withCString { name in
            name.withMemoryRebound(to: yaml_char_t.self, capacity: tag.name.utf8.count + 1) { body($0) }
        }
    }
}

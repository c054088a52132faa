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
            guard let length = Int32(exactly: bytes.count) else { return 0 }
            let style = ScalarStyleRules.style(for: bytes, kind: kind, requested: requestedStyle)
            return withNonNullBase(bytes) { value in
                withTag(tag) { tagBytes in
                    let implicit: Int32 = tagBytes == nil ? 1 : 0
                    return yaml_scalar_event_initialize(event, nil, tagBytes, value, length, implicit, implicit, style)
                }
            }
        }
    }

    /// The tag as a NUL-terminated C string, or nil without a tag.
    private static func withTag(_ tag: Tag?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32) -> Int32 {
        guard let tag else { return body(nil) }
        return tag.name.withCString { name in
            name.withMemoryRebound(to: yaml_char_t.self, capacity: tag.name.utf8.count + 1) { body($0) }
        }
    }

    /// libyaml asserts a non-null value even for an empty scalar.
    private static func withNonNullBase(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafePointer<yaml_char_t>) -> Int32
    ) -> Int32 {
        if let base = bytes.baseAddress { return body(base) }
        var nothing: yaml_char_t = 0
        return withUnsafePointer(to: &nothing) { body($0) }
    }
}

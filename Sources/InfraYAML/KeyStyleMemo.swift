import CLibYAML

/// The styles of the mapping keys written so far, by their bytes: a template repeats a few
/// dozen keys (`Type`, `Properties`, property names) thousands of times, and a key's style
/// depends on its bytes alone (a string, no tag, automatic style). Looking one up costs a
/// fraction of analysing it again. Keys longer than `maxCount` bytes are always analysed.
/// (Values are not remembered: most are names and ARNs seen once, which cost more in misses
/// and evicted keys than the repeated ones saved: +0.8 M instructions at N = 100.)
struct KeyStyleMemo {
    /// Plain values only: the key's bytes zero-padded into four words, so a lookup neither
    /// allocates nor counts references.
    private struct Entry {
        var count = -1
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var style = YAML_ANY_SCALAR_STYLE
    }

    private static let maxCount = 32
    /// A power of two; the slot is the top bits of a multiplicative hash (`>> 56`: 256).
    private static let slotCount = 256
    private var entries = [Entry](repeating: Entry(), count: slotCount)

    /// The style of the key `bytes`, computed by `analyse` when not remembered.
    mutating func style(
        for bytes: UnsafeBufferPointer<UInt8>,
        _ analyse: (UnsafeBufferPointer<UInt8>) -> yaml_scalar_style_t
    ) -> yaml_scalar_style_t {
        let count = bytes.count
        guard count <= Self.maxCount else { return analyse(bytes) }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        let mixed = (words.0 ^ (words.1 &* 31) ^ (words.2 &* 961) ^ (words.3 &* 29_791) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> 56)
        let entry = entries[slot]
        if entry.count == count, entry.words.0 == words.0, entry.words.1 == words.1,
           entry.words.2 == words.2, entry.words.3 == words.3 {
            return entry.style
        }
        let style = analyse(bytes)
        entries[slot] = Entry(count: count, words: words, style: style)
        return style
    }
}

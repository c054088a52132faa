import CLibYAML
@testable import InfraYAML
import Testing
import YAMLTestSupport

/// A remembered key style is the style analysing the key gives, whichever keys share its
/// slot or came before it.
@Suite struct KeyStyleMemoTests {
    static func analysed(_ bytes: UnsafeBufferPointer<UInt8>) -> yaml_scalar_style_t {
        ScalarStyleRules.style(for: bytes, kind: .string, requested: .automatic)
    }

    @Test func rememberedStylesAreTheAnalysedOnes() {
        // Corpus strings (edge cases: empty, `yes`, `~`, leading spaces, control characters,
        // non-ASCII) and keys that differ only past 16 bytes or only in length.
        var keys = StringCorpus.strings(count: 2_000)
        keys += ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled", "PointInTimeRecovery",
                 "a", "a\0", "yes", "yes ", "12345678", "123456789", String(repeating: "x", count: 32),
                 String(repeating: "x", count: 33), "\u{E9}", "e\u{301}"]
        var memo = KeyStyleMemo()
        for _ in 0..<3 {
            for key in keys {
                var text = key
                text.withUTF8 { bytes in
                    let expected = Self.analysed(bytes)
                    // The second look-up finds what the first stored (or analyses a long key again).
                    for _ in 0..<2 {
                        #expect(memo.style(for: bytes, Self.analysed) == expected, "\(key.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func aRepeatedKeyIsAnalysedOnce() {
        var memo = KeyStyleMemo()
        var analysedCount = 0
        for key in ["Type", "Type", "Type"] {
            var text = key
            _ = text.withUTF8 { bytes in memo.style(for: bytes) { analysedCount += 1; return Self.analysed($0) } }
        }
        #expect(analysedCount == 1)
    }
}

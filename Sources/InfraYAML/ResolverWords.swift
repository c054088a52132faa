/// The fixed words of the implicit resolvers: booleans, nulls, infinities and not-a-number.
enum ResolverWords {
    /// YAML 1.1 booleans (including the spec's `y`/`n`, which ruamel.yaml applies) and the
    /// nulls of every version; the YAML 1.2 booleans are a subset.
    private static let anyVersionBoolOrNull: [[UInt8]] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        "null", "Null", "NULL",
    ].map { Array($0.utf8) }

    private static let coreBool: [[UInt8]] = ["true", "True", "TRUE", "false", "False", "FALSE"].map { Array($0.utf8) }
    private static let coreNull: [[UInt8]] = ["null", "Null", "NULL"].map { Array($0.utf8) }
    private static let infinity: [[UInt8]] = ["inf", "Inf", "INF"].map { Array($0.utf8) }
    private static let notANumber: [[UInt8]] = ["nan", "NaN", "NAN"].map { Array($0.utf8) }

    static func isAnyVersionBoolOrNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count <= 5 && contains(anyVersionBoolOrNull, text)
    }

    static func isCoreBool(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count <= 5 && contains(coreBool, text)
    }

    static func isCoreNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count == 4 && contains(coreNull, text)
    }

    /// `inf`, `Inf` or `INF` (what follows the dot of `.inf`).
    static func isInfinity(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count == 3 && contains(infinity, text)
    }

    /// `nan`, `NaN` or `NAN` (what follows the dot of `.nan`).
    static func isNotANumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count == 3 && contains(notANumber, text)
    }

    private static func contains(_ words: [[UInt8]], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for word in words where word.count == text.count && word.elementsEqual(text) {
            return true
        }
        return false
    }
}

import CLibYAML

/// Chooses how a scalar is written so that every YAML 1.1 and 1.2 reader reads it back as written.
///
/// For a `.string`:
/// - plain, when the text survives plain syntax and no reader's implicit resolver claims it;
/// - single-quoted for the empty string, for text a resolver would read as something else,
///   and for text with leading/trailing spaces or indicators;
/// - a literal block for multi-line text (libyaml adds the chomping and indentation indicators);
/// - double-quoted when nothing else can carry it (control characters, BOM, characters beyond
///   the BMP, lines with trailing spaces, line breaks other than `\n`).
///
/// Numbers, booleans and nulls are written plain so that readers resolve them.
package enum ScalarStyleRules {
    static func style(
        for text: UnsafeBufferPointer<UInt8>,
        kind: Scalar.Kind,
        requested: Scalar.Style
    ) -> yaml_scalar_style_t {
        // libyaml itself still quotes a "number" whose text cannot be plain.
        guard kind == .string else { return YAML_PLAIN_SCALAR_STYLE }

        let analysis = ScalarTextAnalysis(text)
        switch requested {
        case .doubleQuoted:
            return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .singleQuoted where analysis.fitsSingleQuotes:
            return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .literal where analysis.fitsBlock:
            return YAML_LITERAL_SCALAR_STYLE
        case .folded where analysis.fitsBlock:
            return YAML_FOLDED_SCALAR_STYLE
        default:
            // `.automatic`, `.plain` (honoured exactly when automatic picks plain too), and
            // requests the text cannot take without changing meaning.
            return automaticStyle(text, analysis)
        }
    }

    private static func automaticStyle(
        _ text: UnsafeBufferPointer<UInt8>,
        _ analysis: ScalarTextAnalysis
    ) -> yaml_scalar_style_t {
        if analysis.needsEscaping { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        if analysis.hasLineBreak {
            return analysis.fitsBlock ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
        if analysis.fitsPlainSyntax && !ImplicitTypeResolver.isAmbiguousAsPlain(text) {
            return YAML_PLAIN_SCALAR_STYLE
        }
        return YAML_SINGLE_QUOTED_SCALAR_STYLE
    }

    /// True when the string can be written plain and every reader reads it back as that
    /// string: the same rule the emitter uses, for code that shows values in YAML's spelling.
    package static func isPlainSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let analysis = ScalarTextAnalysis(bytes)
            return !analysis.needsEscaping && !analysis.hasLineBreak && analysis.fitsPlainSyntax
                && !ImplicitTypeResolver.isAmbiguousAsPlain(bytes)
        }
    }
}

/// The string of an Fn::Sub, kept as parts so that the references inside it are typed
/// values (checked like any Ref or GetAtt) rather than text found again by a regex.
public struct SubTemplate: Hashable, Sendable {
    public enum Part: Hashable, Sendable {
        /// Text written as is; a `${` in it is escaped as `${!` when rendered.
        case literal(String)
        /// `${LogicalId}`, `${AWS::Region}` or a variable of the Sub's map.
        case reference(ReferenceTarget)
        /// `${LogicalId.Attribute}`.
        case attribute(ReferenceTarget, String)
    }

    public private(set) var parts: [Part]
    /// Text after a `${` that has no closing brace, as found when parsing a raw string;
    /// validation reports it (CloudFormation rejects the template).
    public private(set) var unterminated: String?

    public init(parts: [Part]) {
        // Adjacent literals are merged so that equal strings have equal parts.
        var merged: [Part] = []
        for part in parts {
            if case .literal(let text) = part, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + text)
            } else if case .literal("") = part {
                continue
            } else {
                merged.append(part)
            }
        }
        self.parts = merged
    }

    /// Parses a Sub string as CloudFormation does: `${Name}`, `${Name.Attr}`, and `${!x}` for a literal `${x}`.
    /// An unterminated `${` is kept as literal text; validation reports it.
    public init(parsing text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        var unterminated: String?
        while let start = rest.firstRange(of: "${") {
            literal += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                unterminated = String(rest[start.lowerBound...])
                literal += rest[start.lowerBound...]
                rest = ""
                break
            }
            let name = afterOpen[..<close]
            if name.hasPrefix("!") {
                literal += "${" + name.dropFirst() + "}"
            } else {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                if !name.hasPrefix("AWS::"), let dot = name.firstIndex(of: ".") {
                    parts.append(.attribute(ReferenceTarget(String(name[..<dot])), String(name[name.index(after: dot)...])))
                } else {
                    parts.append(.reference(ReferenceTarget(String(name))))
                }
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.init(parts: parts)
        self.unterminated = unterminated
    }

    /// The same template with its parts replaced (the cross-stack linker's imports), keeping
    /// any unterminated `${` for validation to report.
    public func replacingParts(_ parts: [Part]) -> SubTemplate {
        var copy = SubTemplate(parts: parts)
        copy.unterminated = unterminated
        return copy
    }

    /// The string as CloudFormation reads it.
    public var rendered: String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal.replacing("${", with: "${!")
            case .reference(let target): text += "${\(target.logicalID)}"
            case .attribute(let target, let attribute): text += "${\(target.logicalID).\(attribute)}"
            }
        }
        return text
    }

    /// True when no part needs substituting, so a plain string would do.
    public var isLiteral: Bool {
        parts.allSatisfy { if case .literal = $0 { true } else { false } }
    }
}

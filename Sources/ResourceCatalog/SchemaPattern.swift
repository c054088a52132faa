import Synchronization

/// A schema's `pattern`, matched as cfn-lint does (unanchored search; `$` also before a final
/// newline). Most of the schemas' 3,000 patterns use a small subset of regular expressions
/// (classes, groups, alternation, quantifiers, anchors), which a small backtracking matcher
/// compiles in microseconds; Swift's `Regex` takes about 0.2 ms to compile each one, which a
/// synth of a few resources would pay dozens of times. Patterns beyond the subset
/// (lookaround, `\p{..}`, backreferences, inline flags) use `Regex`.
public final class SchemaPattern: @unchecked Sendable {
    // Immutable after init; `Regex` is not Sendable, but it is only read.
    private let program: PatternNode?
    private let fallback: Regex<AnyRegexOutput>?

    public let source: String

    private static let cache = Mutex<[String: SchemaPattern]>([:])

    /// The compiled pattern, shared by every check that uses the same source.
    public static func named(_ source: String) -> SchemaPattern {
        if let known = cache.withLock({ $0[source] }) { return known }
        let compiled = SchemaPattern(source)
        return cache.withLock { cache in
            if let raced = cache[source] { return raced }
            cache[source] = compiled
            return compiled
        }
    }

    public init(_ source: String) {
        self.source = source
        var parser = PatternParser(Array(source.unicodeScalars))
        if let node = parser.parse() {
            program = node
            fallback = nil
        } else {
            program = nil
            fallback = try? Regex(source)
        }
    }

    /// Whether the subset matcher (not `Regex`) runs this pattern.
    public var isNative: Bool { program != nil }

    /// Whether the pattern matches somewhere in `text`; nil when it cannot tell (a pattern
    /// neither engine compiles, or a match that exceeds the step budget), so no finding is made.
    public func matches(_ text: String) -> Bool? {
        if let program {
            // One pass over the scalars (`Array(_:)` counted them first, then copied).
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars { scalars.append(scalar) }
            var matcher = PatternMatcher(text: scalars)
            return matcher.search(program)
        }
        guard let fallback else { return nil }
        do {
            return try fallback.firstMatch(in: text) != nil
        } catch {
            return nil
        }
    }
}

/// The parsed subset.
indirect enum PatternNode {
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// One scalar from a class (a literal is a class of one).
    case scalar(ScalarClass)
    case repetition(PatternNode, min: Int, max: Int?, greedy: Bool)
    case lineStart, lineEnd, inputStart, inputEnd, wordBoundary, notWordBoundary
}

struct ScalarClass {
    var ranges: [ClosedRange<UInt32>] = []
    var predefined: [(Character, Bool)] = []  // (d/w/s, negated)
    var negated = false
    var isDot = false

    static func literal(_ scalar: Unicode.Scalar) -> ScalarClass {
        ScalarClass(ranges: [scalar.value...scalar.value])
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        if isDot { return scalar != "\n" }
        var found = ranges.contains { $0.contains(scalar.value) }
        if !found {
            found = predefined.contains { kind, negated in Self.predefined(kind, scalar) != negated }
        }
        return found != negated
    }

    static func predefined(_ kind: Character, _ scalar: Unicode.Scalar) -> Bool {
        switch kind {
        case "d": return ("0"..."9").contains(scalar)
        case "w": return isWord(scalar)
        default:
            // ASCII's White_Space scalars are tab to carriage return and space; the Unicode
            // property look-up (hundreds of instructions) is for the rest.
            if scalar.isASCII { return (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20 }
            return scalar.properties.isWhitespace
        }
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        // Python's \w is Unicode-aware: letters, digits and the underscore. In ASCII those
        // are exactly A-Z, a-z, 0-9 and _, without the Unicode property look-ups.
        if scalar.isASCII {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value == 0x5F
        }
        return scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// Parses the subset; nil for anything outside it, which then goes to `Regex`.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func parse() -> PatternNode? {
        guard let node = alternation(), position == scalars.count else { return nil }
        return node
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func alternation() -> PatternNode? {
        var branches: [PatternNode] = []
        repeat {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
        } while eat("|")
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() -> PatternNode? {
        var items: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = atom(), let quantified = quantifier(on: atom) else { return nil }
            items.append(quantified)
        }
        return .sequence(items)
    }

    private mutating func eat(_ scalar: Unicode.Scalar) -> Bool {
        if current == scalar { position += 1; return true }
        return false
    }

    private mutating func atom() -> PatternNode? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "(":
            if current == "?" {
                // Only non-capturing groups; lookaround, names and flags are not in the subset.
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                position += 2
            }
            guard let inner = alternation(), eat(")") else { return nil }
            return inner
        case "[": return bracket()
        case ".": return .scalar(ScalarClass(isDot: true))
        case "^": return .lineStart
        case "$": return .lineEnd
        case "\\": return escape()
        case "*", "+", "?", "{", ")":
            return scalar == "{" && !looksLikeQuantifier(from: position - 1) ? .scalar(.literal(scalar)) : nil
        default: return .scalar(.literal(scalar))
        }
    }

    /// `{` starts a quantifier only as `{n}`, `{n,}` or `{n,m}`; otherwise it is a literal.
    private func looksLikeQuantifier(from start: Int) -> Bool {
        var index = start + 1
        var digits = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; digits += 1 }
        guard digits > 0, index < scalars.count else { return false }
        if scalars[index] == "}" { return true }
        guard scalars[index] == "," else { return false }
        index += 1
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index < scalars.count && scalars[index] == "}"
    }

    private mutating func escape() -> PatternNode? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "A": return .inputStart
        case "Z", "z": return .inputEnd
        case "b": return .wordBoundary
        case "B": return .notWordBoundary
        case "d", "w", "s": return .scalar(ScalarClass(predefined: [(Character(scalar), false)]))
        case "D", "W", "S": return .scalar(ScalarClass(predefined: [(Character(scalar).lowercased().first!, true)]))
        default:
            guard let literal = escapedLiteral(scalar) else { return nil }
            return .scalar(.literal(literal))
        }
    }

    /// The scalar an escape stands for (`\n`, `\u002F`, `\x41`, `\.`); nil for escapes outside the subset.
    private mutating func escapedLiteral(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "0": return "\u{0}"
        case "u": return hex(digits: 4)
        case "x": return hex(digits: 2)
        default:
            let value = scalar.value
            // Letters and digits escape to something special (\p, \k, \1...): not in the subset.
            if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { return nil }
            return scalar
        }
    }

    private mutating func hex(digits: Int) -> Unicode.Scalar? {
        guard position + digits <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[position..<(position + digits)] {
            guard let digit = scalar.properties.numericType != nil ? UInt32(String(scalar)) : Self.hexLetter(scalar) else { return nil }
            value = value * 16 + digit
        }
        position += digits
        return Unicode.Scalar(value)
    }

    private static func hexLetter(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    private mutating func bracket() -> PatternNode? {
        var set = ScalarClass()
        if eat("^") { set.negated = true }
        var first = true
        while let scalar = current, scalar != "]" || first {
            first = false
            position += 1
            var low: Unicode.Scalar
            if scalar == "\\" {
                guard let escaped = current else { return nil }
                position += 1
                if ["d", "w", "s", "D", "W", "S"].contains(escaped) {
                    set.predefined.append((Character(escaped).lowercased().first!, Character(escaped).isUppercase))
                    continue
                }
                if escaped == "b" { low = "\u{08}" } else {
                    guard let literal = escapedLiteral(escaped) else { return nil }
                    low = literal
                }
            } else if scalar == "[" && current == ":" {
                return nil  // POSIX classes are not in the subset
            } else {
                low = scalar
            }
            if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard var high = current else { return nil }
                position += 1
                if high == "\\" {
                    guard let escaped = current else { return nil }
                    position += 1
                    guard let literal = escapedLiteral(escaped) else { return nil }
                    high = literal
                }
                guard low.value <= high.value else { return nil }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
        guard eat("]") else { return nil }
        return .scalar(set)
    }

    private mutating func quantifier(on atom: PatternNode) -> PatternNode? {
        var minimum: Int, maximum: Int?
        switch current {
        case "*": (minimum, maximum) = (0, nil); position += 1
        case "+": (minimum, maximum) = (1, nil); position += 1
        case "?": (minimum, maximum) = (0, 1); position += 1
        case "{" where looksLikeQuantifier(from: position):
            position += 1
            minimum = number() ?? 0
            if eat(",") { maximum = number() } else { maximum = minimum }
            guard eat("}") else { return nil }
            if let maximum, maximum < minimum { return nil }
        default: return atom
        }
        if case .lineStart = atom { return nil }
        var greedy = true
        if eat("?") { greedy = false } else if current == "+" { return nil }  // possessive: not in the subset
        return .repetition(atom, min: minimum, max: maximum, greedy: greedy)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = (value ?? 0) * 10 + Int(scalar.value - 0x30)
            position += 1
            if value! > 100_000 { return nil }
        }
        return value
    }
}

/// Backtracking search with a step budget, so a pathological pattern and value cannot hang
/// validation: past the budget the answer is "cannot tell".
struct PatternMatcher {
    let text: [Unicode.Scalar]
    private var steps = 0
    private var depth = 0
    private static let budget = 2_000_000
    /// Nested continuations per match; a value long enough to need more is not judged
    /// (the stack of a worker thread is the bound, not the value).
    private static let maximumDepth = 3_000
    private var exhausted = false

    init(text: [Unicode.Scalar]) { self.text = text }

    mutating func search(_ program: PatternNode) -> Bool? {
        // A start where the program's first item fails at once (`^` after the start, a scalar
        // not in its class) is skipped without the calls, counting the two steps they take,
        // so that the step budget runs out exactly where it did.
        let first: PatternNode? = if case .sequence(let items) = program { items.first } else { nil }
        for start in 0...text.count {
            if let first, failsAtOnce(first, start) {
                steps += 2
                if steps > Self.budget { exhausted = true; return nil }
                continue
            }
            if match(program, start, { _, _ in true }) { return true }
            if exhausted { return nil }
        }
        return false
    }

    /// Whether `node` fails at `index` before reading further or calling on.
    private func failsAtOnce(_ node: PatternNode, _ index: Int) -> Bool {
        switch node {
        case .lineStart, .inputStart: index != 0
        case .scalar(let set): index >= text.count || !set.contains(text[index])
        default: false
        }
    }

    /// Matches `node` at `index`, then the continuation at the index after it.
    private mutating func match(_ node: PatternNode, _ index: Int, _ next: (inout PatternMatcher, Int) -> Bool) -> Bool {
        steps += 1
        depth += 1
        defer { depth -= 1 }
        if steps > Self.budget || depth > Self.maximumDepth { exhausted = true; return false }
        switch node {
        case .scalar(let set):
            guard index < text.count, set.contains(text[index]) else { return false }
            return next(&self, index + 1)
        case .sequence(let items):
            return matchSequence(items[...], index, next)
        case .alternation(let branches):
            for branch in branches where match(branch, index, next) { return true }
            return false
        case .repetition(let inner, let minimum, let maximum, let greedy):
            if case .scalar(let set) = inner {
                return repeatScalar(set, index, minimum, maximum, greedy, next)
            }
            return repeatNode(inner, index, count: 0, minimum, maximum, greedy, next)
        case .lineStart, .inputStart:
            return index == 0 && next(&self, index)
        case .lineEnd:
            let atEnd = index == text.count || (index == text.count - 1 && text[index] == "\n")
            return atEnd && next(&self, index)
        case .inputEnd:
            return index == text.count && next(&self, index)
        case .wordBoundary, .notWordBoundary:
            let before = index > 0 && ScalarClass.isWord(text[index - 1])
            let after = index < text.count && ScalarClass.isWord(text[index])
            let boundary = before != after
            if case .wordBoundary = node { return boundary && next(&self, index) }
            return !boundary && next(&self, index)
        }
    }

    private mutating func matchSequence(_ items: ArraySlice<PatternNode>, _ index: Int, _ next: (inout PatternMatcher, Int) -> Bool) -> Bool {
        guard let first = items.first else { return next(&self, index) }
        let rest = items.dropFirst()
        return match(first, index) { matcher, after in matcher.matchSequence(rest, after, next) }
    }

    /// A repeated single-scalar class, iteratively: no recursion per repetition, so long
    /// values (a 5,000-character description) cost no stack.
    private mutating func repeatScalar(_ set: ScalarClass, _ index: Int, _ minimum: Int, _ maximum: Int?,
                                       _ greedy: Bool, _ next: (inout PatternMatcher, Int) -> Bool) -> Bool {
        var count = 0
        let limit = maximum ?? Int.max
        while count < limit, index + count < text.count, set.contains(text[index + count]) { count += 1 }
        steps += count
        guard count >= minimum else { return false }
        if greedy {
            for taken in stride(from: count, through: minimum, by: -1) {
                if next(&self, index + taken) { return true }
                if exhausted { return false }
            }
        } else {
            for taken in minimum...count {
                if next(&self, index + taken) { return true }
                if exhausted { return false }
            }
        }
        return false
    }

    private mutating func repeatNode(_ inner: PatternNode, _ index: Int, count: Int, _ minimum: Int, _ maximum: Int?,
                                     _ greedy: Bool, _ next: (inout PatternMatcher, Int) -> Bool) -> Bool {
        let canStop = count >= minimum
        let canGo = maximum.map { count < $0 } ?? true
        func more(_ matcher: inout PatternMatcher) -> Bool {
            guard canGo else { return false }
            return matcher.match(inner, index) { matcher, after in
                // An empty iteration makes no progress: allowed only to reach the minimum.
                (after != index || count < minimum) && matcher.repeatNode(inner, after, count: count + 1, minimum, maximum, greedy, next)
            }
        }
        if greedy {
            return more(&self) || (canStop && next(&self, index))
        }
        return (canStop && next(&self, index)) || more(&self)
    }
}

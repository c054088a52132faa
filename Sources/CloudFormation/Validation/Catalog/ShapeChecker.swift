import ResourceCatalog

/// Checks a value against a schema shape the way CloudFormation reads it: a string where a
/// number or boolean goes is converted ("5", "true"), so it is accepted, as cfn-lint does.
/// Intrinsics are checked for what they can be known to produce.
struct ShapeChecker {
    struct Finding {
        var path: Path
        var message: String
    }

    /// Where below `Properties` a value sits: `.Rules[0].Prefix`. The checker pushes and pops
    /// steps on one array as it descends, and a finding keeps a copy: building text (or a new
    /// path object) at every value checked was a large part of the check.
    struct Path: CustomStringConvertible {
        enum Step {
            case key(String)
            case index(Int)
        }

        private(set) var steps: [Step] = []
        init() {}
        func key(_ name: String) -> Path { var path = self; path.push(.key(name)); return path }
        func index(_ position: Int) -> Path { var path = self; path.push(.index(position)); return path }

        mutating func push(_ step: Step) { steps.append(step) }
        mutating func pop() { steps.removeLast() }

        var isEmpty: Bool { steps.isEmpty }

        var description: String {
            var text = ""
            for step in steps {
                switch step {
                case .key(let key): text += "." + key
                case .index(let index): text += "[\(index)]"
                }
            }
            return text
        }
    }

    /// Parameter name -> its Type, to know what a Ref to it gives.
    let parameters: [String: String]
    /// Logical IDs, to know what a GetAtt gives from the type of the first resource declaring
    /// one (a table instead of a dictionary: one cheap hash per look-up).
    private let resourceIDs: NameTable
    private let resourceTypeNames: [String]
    /// Top-level names never suggested: the type's read-only properties.
    var unsuggested: Set<String> = []

    init(parameters: [String: String], resources: [TemplateResource]) {
        self.parameters = parameters
        resourceIDs = NameTable(resources.map(\.logicalID))
        resourceTypeNames = resources.map(\.type)
    }

    /// - Parameter context: the resource type, for messages about unknown properties.
    mutating func check(_ value: TemplateValue, against shape: ValueShape, at path: Path, into findings: inout [Finding], context: String) {
        var path = path
        check(value, against: shape, at: &path, into: &findings, context: context)
    }

    /// Checks `value` one step below `path`.
    private mutating func check(_ value: TemplateValue, against shape: ValueShape, below path: inout Path, _ step: Path.Step,
                                into findings: inout [Finding], context: String) {
        path.push(step)
        check(value, against: shape, at: &path, into: &findings, context: context)
        path.pop()
    }

    private mutating func check(_ value: TemplateValue, against shape: ValueShape, at path: inout Path, into findings: inout [Finding], context: String) {
        if Self.isUntypedIntrinsic(value) { return }
        if shape.hasCombinators {
            for part in shape.allOf {
                check(value, against: part, at: &path, into: &findings, context: context)
            }
            if !shape.anyOf.isEmpty || !shape.oneOf.isEmpty {
                checkAlternatives(value, shape.anyOf.isEmpty ? shape.oneOf : shape.anyOf, at: &path, into: &findings, context: context)
            }
        }
        switch value {
        case .intrinsic(let intrinsic):
            checkIntrinsic(intrinsic, against: shape, at: &path, into: &findings, context: context)
        case .string(let text):
            guard accepts(shape, .string, text: text, at: path, into: &findings), shape.hasScalarLimits else { return }
            checkAllowed(text, shape, at: path, into: &findings)
            checkLength(text, shape, at: path, into: &findings)
            checkPattern(text, shape, at: path, into: &findings)
            checkRange(text, shape, at: path, into: &findings)
        case .number(let text):
            guard accepts(shape, .number, text: text, at: path, into: &findings), shape.hasScalarLimits else { return }
            checkAllowed(text, shape, at: path, into: &findings)
            checkRange(text, shape, at: path, into: &findings)
            if shape.types == .string || shape.types.isEmpty {
                checkLength(text, shape, at: path, into: &findings)
                checkPattern(text, shape, at: path, into: &findings)
            }
        case .boolean(let flag):
            guard accepts(shape, .boolean, text: flag ? "true" : "false", at: path, into: &findings), shape.hasScalarLimits else { return }
            checkAllowed(flag ? "true" : "false", shape, at: path, into: &findings)
        case .list(let items):
            guard accepts(shape, .array, text: nil, at: path, into: &findings) else { return }
            checkList(items, shape, at: &path, into: &findings, context: context)
        case .object(let fields):
            guard accepts(shape, .object, text: nil, at: path, into: &findings) else { return }
            checkObject(fields, shape, at: &path, into: &findings, context: context)
        }
    }

    // MARK: - Types

    /// Whether a literal of `kind` may stand where `shape` is expected; reports when not.
    private func accepts(_ shape: ValueShape, _ kind: JSONType, text: String?, at path: Path, into findings: inout [Finding]) -> Bool {
        let expected = shape.types
        if expected.isEmpty || expected.contains(kind) { return true }
        if kind == .object && shape.isJSON { return true }
        if kind == .number, expected.contains(.integer), let text, Int(text) != nil { return true }
        if let text {
            // CloudFormation converts scalars: "5" is an integer, 5 is a string, "true" a boolean.
            if expected.contains(.string) && kind != .array && kind != .object { return true }
            if expected.contains(.integer) && Int(text) != nil { return true }
            if expected.contains(.number) && Double(text) != nil { return true }
            if expected.contains(.boolean) && ["true", "false"].contains(text.lowercased()) { return true }
        }
        let given: String = switch kind {
        case .string: "a string"
        case .number: text.flatMap { Int($0) } != nil ? "an integer" : "a number"
        case .boolean: "a boolean"
        case .array: "a list"
        default: "an object"
        }
        let shown = text.map { " (\(Diagnostic.abbreviated($0)))" } ?? ""
        findings.append(Finding(path: path, message: "expects \(article(expected.names)) \(expected.names), not \(given)\(shown)"))
        return false
    }

    private func article(_ noun: String) -> String {
        noun == "any value" ? "" : (["a", "e", "i", "o", "u"].contains(noun.first.map(String.init) ?? "") ? "an" : "a")
    }

    // MARK: - Scalars

    private func checkAllowed(_ text: String, _ shape: ValueShape, at path: Path, into findings: inout [Finding]) {
        guard let allowed = shape.allowedValues, !allowed.contains(text) else { return }
        let list = allowed.prefix(20).joined(separator: ", ") + (allowed.count > 20 ? ", … (\(allowed.count) values)" : "")
        let close = NameSuggestion.closest(to: text, among: allowed).first.map { "; did you mean \($0)?" } ?? ""
        findings.append(Finding(path: path, message: "'\(Diagnostic.abbreviated(text))' is not one of the allowed values: \(list)\(close)"))
    }

    private func checkLength(_ text: String, _ shape: ValueShape, at path: Path, into findings: inout [Finding]) {
        // A string has at most as many code points as UTF-8 bytes and at least a quarter as
        // many: counting them (the whole of an inline function's code) is needed only when
        // the byte count cannot decide.
        let bytes = text.utf8.count
        let maybeTooLong = shape.maxLength.map { bytes > $0 } ?? false
        let maybeTooShort = shape.minLength.map { (bytes + 3) / 4 < $0 } ?? false
        guard maybeTooLong || maybeTooShort else { return }
        let length = text.unicodeScalars.count
        if let maximum = shape.maxLength, length > maximum {
            findings.append(Finding(path: path, message: "'\(Diagnostic.abbreviated(text))' is \(length) characters long; at most \(maximum) \(maximum == 1 ? "is" : "are") allowed"))
        }
        if let minimum = shape.minLength, length < minimum {
            findings.append(Finding(path: path, message: "'\(Diagnostic.abbreviated(text))' is \(length) characters long; at least \(minimum) \(minimum == 1 ? "is" : "are") required"))
        }
    }

    private func checkPattern(_ text: String, _ shape: ValueShape, at path: Path, into findings: inout [Finding]) {
        guard let compiled = shape.schemaPattern else { return }
        // JSON-schema patterns are not anchored: a match anywhere counts. Unknown: no finding.
        if compiled.matches(text) == false {
            findings.append(Finding(path: path, message: "'\(Diagnostic.abbreviated(text))' does not match the pattern \(Diagnostic.abbreviated(compiled.source))"))
        }
    }

    private func checkRange(_ text: String, _ shape: ValueShape, at path: Path, into findings: inout [Finding]) {
        guard shape.minimum != nil || shape.maximum != nil || shape.exclusiveMinimum != nil || shape.exclusiveMaximum != nil,
              let number = Double(text) else { return }
        if let minimum = shape.minimum, number < minimum {
            findings.append(Finding(path: path, message: "\(text) is below the minimum \(Self.format(minimum))"))
        }
        if let maximum = shape.maximum, number > maximum {
            findings.append(Finding(path: path, message: "\(text) is above the maximum \(Self.format(maximum))"))
        }
        if let minimum = shape.exclusiveMinimum, number <= minimum {
            findings.append(Finding(path: path, message: "\(text) must be greater than \(Self.format(minimum))"))
        }
        if let maximum = shape.exclusiveMaximum, number >= maximum {
            findings.append(Finding(path: path, message: "\(text) must be less than \(Self.format(maximum))"))
        }
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    // MARK: - Lists and objects

    private mutating func checkList(_ items: [TemplateValue], _ shape: ValueShape, at path: inout Path, into findings: inout [Finding], context: String) {
        if let maximum = shape.maxItems, items.count > maximum {
            findings.append(Finding(path: path, message: "has \(items.count) items; at most \(maximum) \(maximum == 1 ? "is" : "are") allowed"))
        }
        if let minimum = shape.minItems, items.count < minimum {
            findings.append(Finding(path: path, message: "has \(items.count) item\(items.count == 1 ? "" : "s"); at least \(minimum) \(minimum == 1 ? "is" : "are") required"))
        }
        if shape.uniqueItems {
            for index in Self.repeatedItems(items) {
                findings.append(Finding(path: path.index(index), message: "repeats an earlier item; the list's items must be unique"))
            }
        }
        let prefixItems = shape.prefixItems
        let itemShape = shape.items
        for (index, item) in items.enumerated() {
            if index < prefixItems.count {
                check(item, against: prefixItems[index], below: &path, .index(index), into: &findings, context: context)
            }
            if let itemShape {
                check(item, against: itemShape, below: &path, .index(index), into: &findings, context: context)
            }
        }
    }

    /// The positions of items equal to an earlier item, in order. A short list compares its
    /// items in turn: most differ in their first bytes, and hashing every item (a whole policy
    /// statement) cost far more. A long one hashes.
    private static func repeatedItems(_ items: [TemplateValue]) -> [Int] {
        var repeated: [Int] = []
        if items.count <= 16 {
            for index in items.indices where items[..<index].contains(items[index]) { repeated.append(index) }
            return repeated
        }
        var seen = Set<TemplateValue>()
        for (index, item) in items.enumerated() where !seen.insert(item).inserted { repeated.append(index) }
        return repeated
    }

    private mutating func checkObject(_ fields: Fields, _ shape: ValueShape, at path: inout Path, into findings: inout [Finding], context: String) {
        for (key, value) in fields.entries {
            if let property = shape.property(key) {
                check(value, against: property, below: &path, .key(key), into: &findings, context: context)
                continue
            }
            if let matching = shape.patternProperties.first(where: { SchemaPattern.named($0.pattern).matches(key) ?? true }) {
                check(value, against: matching.shape, below: &path, .key(key), into: &findings, context: context)
                continue
            }
            switch shape.additionalProperties {
            case .allowed: break
            case .shape(let extra): check(value, against: extra, below: &path, .key(key), into: &findings, context: context)
            case .forbidden:
                let known = shape.propertyNames.filter { !path.isEmpty || !unsuggested.contains($0) }
                let where_ = path.isEmpty ? "of \(context)" : "here (\(context) Properties\(path))"
                let hint = NameSuggestion.closest(to: key, among: known).first.map { "; did you mean \($0)?" }
                    ?? (known.isEmpty ? "" : "; known: " + known.prefix(15).joined(separator: ", ") + (known.count > 15 ? ", …" : ""))
                findings.append(Finding(path: path.key(key), message: "\(Diagnostic.abbreviated(key)) is not a property \(where_)\(hint)"))
            }
        }
        for name in shape.required where fields[name] == nil {
            findings.append(Finding(path: path.key(name), message: "the required property \(name) is missing"))
        }
        if let maximum = shape.maxProperties, fields.count > maximum {
            findings.append(Finding(path: path, message: "has \(fields.count) entries; at most \(maximum) are allowed"))
        }
        if let minimum = shape.minProperties, fields.count < minimum {
            findings.append(Finding(path: path, message: "has \(fields.count) entries; at least \(minimum) \(minimum == 1 ? "is" : "are") required"))
        }
    }

    /// anyOf/oneOf: fine when some alternative fits; otherwise the findings of the closest one.
    private mutating func checkAlternatives(_ value: TemplateValue, _ alternatives: [ValueShape], at path: inout Path, into findings: inout [Finding], context: String) {
        // The closest: one whose type fits the value, then the fewest findings.
        var best: (rank: (Int, Int), findings: [Finding])?
        for alternative in alternatives {
            var trial: [Finding] = []
            check(value, against: alternative, at: &path, into: &trial, context: context)
            if trial.isEmpty { return }
            let wrongType = trial.contains { $0.path.description == path.description && $0.message.hasPrefix("expects ") }
            let rank = (wrongType ? 1 : 0, trial.count)
            if best == nil || rank < best!.rank { best = (rank, trial) }
        }
        guard let best = best?.findings else { return }
        // Alternatives that differ only in which property is required read best as one message.
        let missing = alternatives.flatMap(\.required)
        if !missing.isEmpty, best.allSatisfy({ $0.message.hasPrefix("the required property") }) {
            findings.append(Finding(path: path, message: "one of \(Self.orderedUnique(missing).joined(separator: ", ")) must be set"))
            return
        }
        findings += best
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    // MARK: - Intrinsics

    /// What an intrinsic gives, as far as the template says: a list or a single value.
    private enum Produces { case scalar, list, unknown }

    private func produces(_ intrinsic: Intrinsic) -> Produces {
        switch intrinsic {
        case .ref(let target):
            if target.logicalID == "AWS::NotificationARNs" { return .list }
            if target.isPseudoParameter { return .scalar }
            if let type = parameters[target.logicalID] {
                return type.hasPrefix("List<") || type == "CommaDelimitedList" || type.hasPrefix("AWS::SSM::Parameter::Value<List<")
                    || type.hasPrefix("AWS::SSM::Parameter::Value<CommaDelimitedList") ? .list : .scalar
            }
            return resourceIDs.position(of: target.logicalID) != nil ? .scalar : .unknown
        case .getAtt(let target, let attribute):
            guard let position = resourceIDs.position(of: target.logicalID), let type = ResourceCatalog.type(named: resourceTypeNames[position]),
                  let known = type.attribute(named: attribute) else { return .unknown }
            if known.jsonType == .array { return .list }
            return known.jsonType.isEmpty || known.jsonType == .object ? .unknown : .scalar
        case .sub, .join, .base64: return .scalar
        case .split, .getAZs, .cidr: return .list
        default: return .unknown
        }
    }

    private mutating func checkIntrinsic(_ intrinsic: Intrinsic, against shape: ValueShape, at path: inout Path, into findings: inout [Finding], context: String) {
        if case .if(_, let then, let otherwise) = intrinsic {
            for branch in [then, otherwise] where !Self.isNoValue(branch) {
                check(branch, against: shape, at: &path, into: &findings, context: context)
            }
            return
        }
        if case .ref(let target) = intrinsic, target.logicalID == "AWS::NoValue" { return }
        let expected = shape.types
        guard !expected.isEmpty else { return }
        switch produces(intrinsic) {
        case .list where !expected.contains(.array):
            findings.append(Finding(path: path, message: "expects \(article(expected.names)) \(expected.names), but \(Self.describe(intrinsic)) gives a list"))
        case .scalar where expected == .array || expected == .object:
            findings.append(Finding(path: path, message: "expects \(article(expected.names)) \(expected.names), but \(Self.describe(intrinsic)) gives a single value"))
        default:
            break
        }
    }

    /// A function the model does not type (Fn::Transform, Fn::ToJsonString, Fn::Length, ...),
    /// kept as an object with its one `Fn::` key: what it gives is not known here.
    private static func isUntypedIntrinsic(_ value: TemplateValue) -> Bool {
        guard case .object(let fields) = value, fields.count == 1, let key = fields.entries.first?.key else { return false }
        return key.hasPrefix("Fn::")
    }

    private static func isNoValue(_ value: TemplateValue) -> Bool {
        if case .intrinsic(.ref(let target)) = value { return target.logicalID == "AWS::NoValue" }
        return false
    }

    private static func describe(_ intrinsic: Intrinsic) -> String {
        switch intrinsic {
        case .ref(let target): "Ref \(target.logicalID)"
        case .getAtt(let target, let attribute): "GetAtt \(target.logicalID).\(attribute)"
        default: intrinsic.longFormName
        }
    }
}

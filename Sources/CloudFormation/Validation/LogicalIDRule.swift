import ResourceCatalog

/// Logical IDs are alphanumeric, within CloudFormation's length for their kind (the
/// catalog's `TemplateLimits`), and unique: resources and parameters share one namespace
/// (both are Ref targets); outputs, conditions and mappings each have their own.
struct LogicalIDRule: ValidationRule {
    static func maximumLength(of kind: String) -> Int {
        switch kind {
        case "parameter": TemplateLimits.parameterNameLength
        case "output": TemplateLimits.outputNameLength
        case "mapping": TemplateLimits.mappingNameLength
        default: TemplateLimits.logicalIDLength
        }
    }

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // Parameters, then resources: the first declaration of a name claims it, and a later
        // one is told the first one's kind. A NameTable keeps the first of repeated names.
        let refTargets = template.parameters.map(\.name) + template.resources.map(\.logicalID)
        let firstDeclaration = NameTable(refTargets)
        func kind(_ position: Int) -> String { position < template.parameters.count ? "parameter" : "resource" }
        for (position, name) in refTargets.enumerated() {
            checkFormat(name, kind(position), stack: stack, into: &diagnostics)
            if let first = firstDeclaration.position(of: name), first != position {
                let (previous, current) = (kind(first), kind(position))
                diagnostics.append(Diagnostic(.error, stack: stack, element: name,
                                              "the logical ID '\(Diagnostic.abbreviated(name))' is used by two \(previous == current ? "\(current)s" : "declarations (a \(previous) and a \(current))"); logical IDs must be unique in a stack"))
            }
        }
        var outputs = Set<String>()
        for output in template.outputs {
            checkFormat(output.name, "output", stack: stack, into: &diagnostics)
            if !outputs.insert(output.name).inserted {
                diagnostics.append(Diagnostic(.error, stack: stack, element: output.name, "two outputs are named '\(Diagnostic.abbreviated(output.name))'"))
            }
        }
        for name in template.conditions.keys {
            checkFormat(name, "condition", stack: stack, into: &diagnostics)
        }
        for name in template.mappings.keys {
            checkFormat(name, "mapping", stack: stack, into: &diagnostics)
        }
    }

    private func checkFormat(_ name: String, _ kind: String, stack: String, into diagnostics: inout [Diagnostic]) {
        if name.isEmpty {
            diagnostics.append(Diagnostic(.error, stack: stack, "a \(kind) has an empty logical ID"))
        } else if !name.utf8.allSatisfy(Self.isAlphanumeric) {
            diagnostics.append(Diagnostic(.error, stack: stack, element: name,
                                          "the \(kind) logical ID '\(Diagnostic.abbreviated(name))' must contain only letters A-Z, a-z and digits 0-9"))
        } else if name.utf8.count > Self.maximumLength(of: kind) {
            diagnostics.append(Diagnostic(.error, stack: stack, element: name,
                                          "the \(kind) logical ID is \(name.utf8.count) characters long; the maximum is \(Self.maximumLength(of: kind))"))
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

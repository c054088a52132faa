/// A parameter nothing refers to is almost always a leftover; it still has to be supplied
/// at every deploy, so it is worth a warning.
struct UnusedParameterRule: ValidationRule {
    /// The template's intrinsic uses, found once for every rule that reads them.
    let uses: TemplateUses

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // No parameters, nothing to report.
        guard !template.parameters.isEmpty else { return }
        var used = Set<String>()
        for found in uses.found {
            switch found.use {
            case .ref(let target), .subReference(let target, _): used.insert(target.logicalID)
            default: break
            }
        }
        for parameter in template.parameters where !used.contains(parameter.name) {
            diagnostics.append(Diagnostic(.warning, stack: stack, element: parameter.name,
                                          "the parameter is declared but never used"))
        }
    }
}

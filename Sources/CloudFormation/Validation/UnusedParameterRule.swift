/// A parameter nothing refers to is almost always a leftover; it still has to be supplied
/// at every deploy, so it is worth a warning.
struct UnusedParameterRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        // No parameters, nothing to report: skip the walk over the whole template.
        guard !template.parameters.isEmpty else { return }
        var used = Set<String>()
        for element in TemplateElement.all(in: template) {
            ValueWalker.walk(element.value, path: "") { use, _ in
                switch use {
                case .ref(let target), .subReference(let target, _): used.insert(target.logicalID)
                default: break
                }
            }
        }
        for parameter in template.parameters where !used.contains(parameter.name) {
            diagnostics.append(Diagnostic(.warning, stack: stack, element: parameter.name,
                                          "the parameter is declared but never used"))
        }
    }
}

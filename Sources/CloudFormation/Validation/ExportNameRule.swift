/// Export names are unique per account and region; two in one template always fail.
struct ExportNameRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        var firstOutput: [TemplateValue: String] = [:]
        for output in template.outputs {
            guard let name = output.exportName else { continue }
            if let first = firstOutput[name] {
                let shown = name.literalString.map { "'\($0)'" } ?? "name"
                diagnostics.append(Diagnostic(.error, stack: stack, element: output.name, path: "Export.Name",
                                              "the export \(shown) is also exported by output '\(first)'; export names must be unique"))
            } else {
                firstOutput[name] = output.name
            }
        }
    }
}

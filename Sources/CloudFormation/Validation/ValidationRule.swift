/// One check over a whole template. Rules add diagnostics and never stop at the first.
protocol ValidationRule: Sendable {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic])
}

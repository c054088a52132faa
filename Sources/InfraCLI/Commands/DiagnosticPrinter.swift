import CloudFormation

/// Prints diagnostics to standard error, errors first, and a one-line count.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.enumerated().sorted {
            ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
        }.map(\.element)
        for diagnostic in sorted {
            printError(diagnostic.description)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }
}

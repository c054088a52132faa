/// Findings outside Resources.
enum SectionRule {
    static func findings(in context: RuleContext) -> [Finding] {
        guard context.old != nil, context.new != nil else { return [] }
        return context.entries.compactMap { entry in
            switch (entry.section, entry.kind) {
            case ("Parameters", .added):
                // An update must pass a value for a new parameter unless it has a Default.
                guard context.new?.sections["Parameters"]?[entry.name]?["Default"] == nil else { return nil }
                return Finding(.note, entry.name, "the new parameter has no Default: the update must pass a value for it.")
            case ("Outputs", .modified), ("Outputs", .removed):
                // CloudFormation refuses to change or delete an export that another stack imports.
                guard context.old?.sections["Outputs"]?[entry.name]?["Export"] != nil else { return nil }
                return Finding(.note, entry.name, "the output is exported: the update fails if another stack imports it (Fn::ImportValue).")
            default:
                return nil
            }
        }
    }
}

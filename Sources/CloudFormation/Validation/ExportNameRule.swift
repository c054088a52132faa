/// Export names are unique per account and region; two in one template always fail.
struct ExportNameRule: ValidationRule {
    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        var firstOutput: [TemplateValue: String] = [:]
        for output in template.outputs {
            guard let name = output.exportName else { continue }
            if let first = firstOutput[name] {
                let shown = name.literalString.map { "'\(Diagnostic.abbreviated($0))'" } ?? "name"
                diagnostics.append(Diagnostic(.error, stack: stack, element: output.name, path: "Export.Name",
                                              "the export \(shown) is also exported by output '\(first)'; export names must be unique"))
            } else {
                firstOutput[name] = output.name
            }
        }
    }

    /// One stack of an app as the cross-stack check sees it.
    struct StackExports {
        let stack: String
        /// The name it deploys under, which `${AWS::StackName}` resolves to.
        let deployedName: String
        let outputs: [TemplateOutput]
    }

    /// The stacks of one app deploy to one account and region, so an export name used by two
    /// of them fails the second deploy. Each output whose name an earlier stack (in the app's
    /// order) already exports is reported in its own stack. Names that resolve only at
    /// deploy (other than through `AWS::StackName`) are not compared.
    static func checkAcrossStacks(_ stacks: [StackExports]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var claimed: [String: (stack: String, output: String)] = [:]
        for stack in stacks {
            var own: [String: String] = [:]
            for output in stack.outputs {
                guard let value = output.exportName, let name = resolvedName(value, deployedName: stack.deployedName) else { continue }
                if let first = claimed[name], first.stack != stack.stack {
                    diagnostics.append(Diagnostic(.error, stack: stack.stack, element: output.name, path: "Export.Name",
                        "the export '\(Diagnostic.abbreviated(name))' is also exported by output '\(first.output)' of stack '\(first.stack)'; export names must be unique in an account and region, so the second stack to deploy fails: rename one"))
                } else if own[name] == nil {
                    own[name] = output.name
                }
            }
            for (name, output) in own where claimed[name] == nil {
                claimed[name] = (stack.stack, output)
            }
        }
        return diagnostics
    }

    /// The export name as CloudFormation resolves it, when that is known before deploy: a
    /// literal, or a Sub of literals and `${AWS::StackName}`.
    static func resolvedName(_ value: TemplateValue, deployedName: String) -> String? {
        switch value {
        case .string(let text):
            return text
        case .intrinsic(.ref(let target)) where target.logicalID == "AWS::StackName":
            return deployedName
        case .intrinsic(.sub(let template, let variables)) where variables.isEmpty:
            var text = ""
            for part in template.parts {
                switch part {
                case .literal(let literal): text += literal
                case .reference(let target) where target.logicalID == "AWS::StackName": text += deployedName
                default: return nil
                }
            }
            return text
        default:
            return nil
        }
    }
}

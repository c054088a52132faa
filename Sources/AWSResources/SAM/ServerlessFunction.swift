import CloudFormation

/// A function in SAM flavor: an `AWS::Serverless::Function` made from the properties the
/// function renders for CloudFormation (so property overrides apply in both flavors), with
/// its own role folded into `Policies` and its stream mappings as `Events`.
///
/// What SAM cannot express stays CloudFormation beside it: a role SAM cannot generate (named,
/// tagged, ...) and a role given to the function are referenced by `Role`, and a mapping with
/// resource attributes stays an `AWS::Lambda::EventSourceMapping`.
struct ServerlessFunction {
    let function: Function

    /// Adds the function (and, when it cannot be folded, its role before it) to the template.
    /// - Parameter rendered: the function's CloudFormation definition, already validated.
    func synthesize(_ rendered: TemplateResource, in context: SynthesisContext) {
        context.afterAllResources(key: "SAM.Globals.Function") { resources, globals in
            FunctionGlobals.hoist(&resources, into: &globals)
        }
        let events = streamEvents(in: context)
        let generated = GeneratedRolePermissions(hasVPC: rendered.properties["VpcConfig"] != nil, events: events)

        var roleProperties: Fields?
        if let role = function.role, role.createdFor === function {
            let renderedRole = role.definition(in: context)
            roleProperties = FoldedRole.properties(of: renderedRole, leavingOut: generated)
            if roleProperties == nil {
                context.add(renderedRole)
            }
        }

        var properties = Fields()
        for (key, value) in rendered.properties.entries {
            switch key {
            case "Code":
                guard let code = ServerlessCode.properties(for: value) else {
                    context.error(function, at: .properties / "Code", "SAM flavor: the code is neither a ZipFile nor an S3 package, so neither InlineCode nor CodeUri can express it")
                    continue
                }
                for (codeKey, codeValue) in code.entries { properties[codeKey] = codeValue }
            case "Role" where roleProperties != nil:
                continue  // SAM generates the role from the properties below
            case "Tags":
                guard let tags = ServerlessTags.map(value) else {
                    context.error(function, at: .properties / "Tags", "SAM flavor: tags must be {Key, Value} pairs with literal keys to become a SAM tag map")
                    continue
                }
                properties[key] = tags
            default:
                properties[key] = value
            }
        }
        for (key, value) in roleProperties?.entries ?? [] {
            properties[key] = value
        }
        if !events.isEmpty {
            properties["Events"] = .object(Fields(events.map { ($0.name, $0.value) }))
        }

        var resource = rendered
        resource.type = ServerlessTransform.functionType
        resource.properties = properties
        context.add(resource)
    }

    /// The function's mappings that fold into its Events, each rendered (and checked) once here.
    private func streamEvents(in context: SynthesisContext) -> [StreamEvent] {
        var events: [StreamEvent] = []
        for mapping in function.eventSourceMappings where StreamEvent.folds(mapping) {
            let event = StreamEvent(mapping, rendered: mapping.validatedDefinition(in: context))
            if events.contains(where: { $0.name == event.name }) {
                context.error(mapping, "SAM flavor: the event name '\(Diagnostic.abbreviated(event.name))' is taken by another mapping of \(function.logicalID); give the mapping a logical ID that starts with '\(function.logicalID)'")
                continue
            }
            events.append(event)
        }
        return events
    }
}

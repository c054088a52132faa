import AWSLambda
import CloudFormation

/// A function in SAM flavor: an `AWS::Serverless::Function` made from the function as it
/// deploys (`DeployedFunction`: its CfnFunction after overrides, so overrides apply in both
/// flavors), with its own role folded into `Policies` and its mappings as `Events`.
///
/// What SAM cannot express stays CloudFormation beside it: a role SAM cannot generate (named,
/// tagged, ...) and a role given to the function are referenced by `Role`, and a mapping with
/// resource attributes stays an `AWS::Lambda::EventSourceMapping`.
struct ServerlessFunction {
    let function: Function

    /// The order of a SAM function's properties: the CloudFormation function's, with the code
    /// where `Code` was.
    private static let order = RenderOrder(
        ["FunctionName", "Description", "Runtime", "Architectures", "Handler", "InlineCode", "CodeUri", "Role", "MemorySize", "Timeout",
         "ReservedConcurrentExecutions", "Environment", "VpcConfig", "LoggingConfig", "Tags"],
        nested: ["VpcConfig": RenderOrder(["SubnetIds", "SecurityGroupIds"])]
    )

    /// Adds the function (and, when it cannot be folded, its role before it) to the template.
    /// - Parameter rendered: the function's CloudFormation definition, already validated.
    func synthesize(_ rendered: TemplateResource, in context: SynthesisContext) {
        context.afterAllResources(key: "SAM.Globals.Function") { resources, globals in
            FunctionGlobals.hoist(&resources, into: &globals)
        }
        guard let deployed = DeployedFunction(function, rendered: rendered.properties, in: context) else {
            context.error(function, "SAM flavor: after overrides the function lacks its Code or Role, so it cannot become a SAM function")
            return
        }
        let lambda = deployed.resource
        let events = streamEvents(in: context)
        let generated = GeneratedRolePermissions(hasVPC: lambda.vpcConfig != nil, events: events)

        var roleProperties: Fields?
        if let role = function.role, role.createdFor === function {
            let renderedRole = role.definition(in: context)
            roleProperties = FoldedRole.properties(of: renderedRole, leavingOut: generated, in: context)
            if roleProperties == nil {
                context.add(renderedRole)
            }
        }

        var properties = lambda.properties(in: context)
        properties["Code"] = nil
        if let code = ServerlessCode.properties(for: deployed) {
            for (key, value) in code.entries { properties[key] = value }
        } else {
            context.error(function, at: .properties / "Code", "SAM flavor: the code is neither a ZipFile nor an S3 package, so neither InlineCode nor CodeUri can express it")
        }
        if roleProperties != nil {
            properties["Role"] = nil  // SAM generates the role from the properties below
        }
        if let tags = lambda.tags {
            let map = ServerlessTags.map(tags)
            if map == nil {
                context.error(function, at: .properties / "Tags", "SAM flavor: tags must be {Key, Value} pairs with literal keys to become a SAM tag map")
            }
            properties["Tags"] = map
        }
        properties = Self.order.apply(to: properties)
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
            guard let event = StreamEvent(mapping, rendered: mapping.validatedDefinition(in: context), in: context) else {
                context.error(mapping, "SAM flavor: after overrides the mapping lacks its FunctionName, so it cannot become an event of \(function.logicalID)")
                continue
            }
            if events.contains(where: { $0.name == event.name }) {
                context.error(mapping, "SAM flavor: the event name '\(Diagnostic.abbreviated(event.name))' is taken by another mapping of \(function.logicalID); give the mapping a logical ID that starts with '\(function.logicalID)'")
                continue
            }
            events.append(event)
        }
        return events
    }
}

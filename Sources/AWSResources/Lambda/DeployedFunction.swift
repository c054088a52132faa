import AWSLambda
import CloudFormation

/// A function as it deploys: its rendered properties, overrides applied, read back as its
/// generated L1 type (`DeployedProperties`), with the local code path that type has no shape
/// for. This is the function's override boundary, the one place that looks at rendered
/// properties; the rules (`FunctionRules`) and the SAM flavor (`ServerlessFunction`) read the
/// typed values it gives, so a value set by `addPropertyOverride` is checked and carried over
/// like a typed one.
struct DeployedFunction {
    let resource: CfnFunction
    /// The local path `Code` holds (a folder or zip that `aws cloudformation package` uploads);
    /// the L1 type, which has no shape for a path, holds the S3 package it becomes.
    let localCodePath: String?

    /// nil when a required property (Code, Role) is missing or not of its shape: the catalog
    /// reports that.
    /// - Parameter model: the L1 object `properties` were rendered from, if they were (see
    ///   `DeployedProperties.init(_:rendered:of:in:)`).
    init?(_ function: Function, rendered properties: Fields, model: CfnFunction? = nil, in context: SynthesisContext) {
        if case .string(let path)? = properties["Code"] {
            localCodePath = path
        } else {
            localCodePath = nil
        }
        guard let deployed = DeployedProperties<CfnFunction>(PackagedProperty.asPackaged(properties, type: function.type), rendered: model, of: function, in: context) else { return nil }
        resource = deployed.resource
    }
}

import AWSLambda
import CloudFormation

/// A function as it deploys: its rendered properties, overrides applied, read back as its
/// generated L1 type. This is the function's override boundary, the one place that looks at
/// rendered properties; the rules (`FunctionRules`) and the SAM flavor (`ServerlessFunction`)
/// read the typed values it gives, so a value set by `addPropertyOverride` is checked and
/// carried over like a typed one.
struct DeployedFunction {
    let resource: CfnFunction
    /// The local path `Code` holds (a folder or zip that `aws cloudformation package` uploads);
    /// the L1 type, which has no shape for a path, holds the S3 package it becomes.
    let localCodePath: String?

    /// nil when a required property (Code, Role) is missing or not of its shape: the catalog
    /// reports that.
    init?(_ logicalID: String, rendered properties: Fields) {
        if case .string(let path)? = properties["Code"] {
            localCodePath = path
        } else {
            localCodePath = nil
        }
        guard let resource = CfnFunction(logicalID, decoding: PackagedProperty.asPackaged(properties, type: "AWS::Lambda::Function")) else { return nil }
        self.resource = resource
    }
}

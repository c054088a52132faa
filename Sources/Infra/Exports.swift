// One import for app authors: the DSL and model, the AWS resources, and the CLI.
@_exported import AWSResources
@_exported import CloudFormation
@_exported import InfraCLI

import CloudFormation

/// The order a function and a mapping have always written their properties in (what it is
/// first: name, description, runtime, handler, code; then settings, then wiring), which
/// rendering through CfnFunction and CfnEventSourceMapping keeps (see `RenderOrder`).
extension RenderOrder {
    static let function = RenderOrder(
        ["FunctionName", "Description", "Runtime", "Architectures", "Handler", "Code", "Role", "MemorySize", "Timeout",
         "ReservedConcurrentExecutions", "Environment", "VpcConfig", "LoggingConfig", "Tags"],
        nested: ["VpcConfig": RenderOrder(["SubnetIds", "SecurityGroupIds"])]
    )

    static let eventSourceMapping = RenderOrder(
        ["EventSourceArn", "FunctionName", "BatchSize", "StartingPosition", "Enabled", "MaximumBatchingWindowInSeconds",
         "ParallelizationFactor", "BisectBatchOnFunctionError", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
         "TumblingWindowInSeconds", "DestinationConfig", "FilterCriteria", "FunctionResponseTypes", "ScalingConfig"]
    )
}

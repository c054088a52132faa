import AWSResources
import CloudFormation

/// The stacks behind the SAM golden fixtures (Fixtures/sam/<name>.sam.yaml): the function and
/// mapping fixtures of `FixtureStacks` in SAM flavor, and two functions that share settings.
enum SAMFixtureStacks {
    static let all: [Stack] = [
        FixtureStacks.functionInline, FixtureStacks.functionS3InVPC,
        FixtureStacks.eventSourceMapping, FixtureStacks.eventSourceMappingTopic,
        FixtureStacks.eventSourceMappingKinesis, FixtureStacks.eventSourceMappingQueue,
        FixtureStacks.cruddurMessaging, twoFunctions,
    ]

    /// Two functions in the same VPC with the same runtime, architecture and timeout: those
    /// settings move to Globals; memory differs and stays on each function.
    static let twoFunctions = Stack("two-functions") { stack in
        let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Private subnets.")
        let securityGroups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Security groups.")
        let vpc = VPCConfig(subnetIDs: subnets, securityGroupIDs: securityGroups)
        let orders = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
        let projector = stack.add(Function(
            "Projector", runtime: .python3_13, architecture: .arm64, handler: "index.lambda_handler",
            code: .inline(file: "templates/stream-handler/index.py"), memorySize: 256, timeout: 60, vpc: vpc
        ))
        let reporter = stack.add(Function(
            "Reporter", runtime: .python3_13, architecture: .arm64, handler: "app.handler",
            code: .s3(bucket: "artifacts-bucket", key: "reporter.zip"), timeout: 60, vpc: vpc
        ))
        orders.grantReadData(reporter)
        stack.add(projector.trigger(on: orders.stream, batchSize: 10, startingPosition: .trimHorizon, alarms: .withoutActions()))
    }
}

import CloudFormation

/// An AWS managed policy SAM attaches to the role it generates for a function, with the
/// actions it allows, all on `Resource: '*'` (as AWS publishes it).
///
/// aws-sam-translator 1.110 attaches BasicExecutionRole to every generated role,
/// VPCAccessExecutionRole when the function has a VpcConfig, and the policy of each pull
/// event's source (`SAMEventSource.managedPolicy`: DynamoDBExecutionRole for a DynamoDB
/// event, ...). acceptance/checks/sam_equivalence.py lists the same.
public struct SAMManagedPolicy: Hashable, Sendable {
    /// The name after `service-role/`.
    public let name: String
    /// Allowed on every resource.
    public let actions: [String]

    public init(name: String, actions: [String]) {
        self.name = name
        self.actions = actions
    }

    var policy: ManagedPolicy { .awsManaged("service-role/\(name)") }

    static let logs = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

    /// AWSLambdaBasicExecutionRole v1.
    public static let basicExecution = SAMManagedPolicy(name: "AWSLambdaBasicExecutionRole", actions: logs)
    /// AWSLambdaVPCAccessExecutionRole v3.
    public static let vpcAccessExecution = SAMManagedPolicy(name: "AWSLambdaVPCAccessExecutionRole", actions: logs + [
        "ec2:AssignPrivateIpAddresses", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:UnassignPrivateIpAddresses",
    ])
}

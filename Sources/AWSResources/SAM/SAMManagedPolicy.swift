import CloudFormation

/// The AWS managed policies SAM attaches to the role it generates for a function, with the
/// actions they allow, all on `Resource: '*'` (as AWS publishes them: BasicExecutionRole v1,
/// DynamoDBExecutionRole v1, VPCAccessExecutionRole v3).
///
/// aws-sam-translator 1.110 attaches BasicExecutionRole to every generated role,
/// VPCAccessExecutionRole when the function has a VpcConfig, and DynamoDBExecutionRole for
/// each function with a DynamoDB event. acceptance/checks/sam_equivalence.py lists the same.
enum SAMManagedPolicy: CaseIterable {
    case basicExecution
    case vpcAccessExecution
    case dynamoDBExecution

    var name: String {
        switch self {
        case .basicExecution: "AWSLambdaBasicExecutionRole"
        case .vpcAccessExecution: "AWSLambdaVPCAccessExecutionRole"
        case .dynamoDBExecution: "AWSLambdaDynamoDBExecutionRole"
        }
    }

    var policy: ManagedPolicy { .awsManaged("service-role/\(name)") }

    private static let logs = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

    /// Allowed on every resource.
    var actions: [String] {
        switch self {
        case .basicExecution:
            Self.logs
        case .vpcAccessExecution:
            Self.logs + [
                "ec2:AssignPrivateIpAddresses", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:UnassignPrivateIpAddresses",
            ]
        case .dynamoDBExecution:
            Self.logs + ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
        }
    }
}

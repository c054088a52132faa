import CloudFormation

/// A managed policy attached to a role by ARN.
public struct ManagedPolicy: Hashable, Sendable {
    public let arn: Value<String>

    public init(arn: Value<String>) {
        self.arn = arn
    }

    /// An AWS managed policy by path and name, e.g. `service-role/AWSLambdaENIManagementAccess`.
    /// The ARN is built with the partition, so that it holds in China and GovCloud too.
    public static func awsManaged(_ pathAndName: String) -> ManagedPolicy {
        ManagedPolicy(arn: "arn:\(AWS.partition):iam::aws:policy/\(pathAndName)")
    }

    /// The network-interface permissions Lambda needs to run a function in a VPC.
    ///
    /// Its ec2 actions (CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface,
    /// AssignPrivateIpAddresses, UnassignPrivateIpAddresses) are granted on `Resource: '*'`:
    /// the interfaces do not exist before Lambda creates them, and AWS offers no narrower
    /// managed policy. Unlike AWSLambdaVPCAccessExecutionRole it grants no logs actions.
    public static let lambdaENIManagementAccess = awsManaged("service-role/AWSLambdaENIManagementAccess")
}

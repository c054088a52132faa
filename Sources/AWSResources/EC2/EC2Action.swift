/// EC2 actions, mostly those Lambda needs to attach a function to a VPC.
public enum EC2Action: String, IAMAction, CaseIterable, Hashable {
    case assignPrivateIpAddresses = "ec2:AssignPrivateIpAddresses"
    case createNetworkInterface = "ec2:CreateNetworkInterface"
    case deleteNetworkInterface = "ec2:DeleteNetworkInterface"
    case describeNetworkInterfaces = "ec2:DescribeNetworkInterfaces"
    case describeSecurityGroups = "ec2:DescribeSecurityGroups"
    case describeSubnets = "ec2:DescribeSubnets"
    case describeVpcs = "ec2:DescribeVpcs"
    case unassignPrivateIpAddresses = "ec2:UnassignPrivateIpAddresses"
}

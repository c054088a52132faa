import CloudFormation

/// The VPC placement of a function: subnets (private, with a route to what it calls) and
/// security groups.
public struct VPCConfig: Hashable, Sendable {
    public let subnetIDs: Value<[String]>
    public let securityGroupIDs: Value<[String]>

    public init(subnetIDs: Value<[String]>, securityGroupIDs: Value<[String]>) {
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
    }

    var rendered: TemplateValue {
        .object(["SubnetIds": subnetIDs.raw, "SecurityGroupIds": securityGroupIDs.raw])
    }
}

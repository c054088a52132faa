import AWSEC2
import Infra

/// The platform's VPC: two public subnets in the region's first two Availability Zones
/// (`Fn::Select` over `Fn::GetAZs`, so no zone name is written down), one route table with a
/// default route to an internet gateway, and each subnet associated with it.
struct PlatformNetwork {
    let vpc: CfnVPC
    let subnets: [CfnSubnet]
    let routeTable: CfnRouteTable

    static let cidrBlock = "10.30.0.0/16"
    static let subnetCidrBlocks = ["10.30.0.0/24", "10.30.1.0/24"]

    init(in stack: StackBuilder) {
        vpc = stack.add(CfnVPC("Network", cidrBlock: Value(Self.cidrBlock), enableDnsHostnames: true, enableDnsSupport: true,
            tags: [.init(key: "Name", value: "cruddur-platform")]))

        let gateway = stack.add(CfnInternetGateway("Gateway", tags: [.init(key: "Name", value: "cruddur-platform")]))
        let attachment = stack.add(CfnVPCGatewayAttachment("GatewayAttachment", vpcId: vpc.ref, internetGatewayId: gateway.ref))

        routeTable = stack.add(CfnRouteTable("PublicRoutes", vpcId: vpc.ref))
        let defaultRoute = stack.add(CfnRoute("DefaultRoute", routeTableId: routeTable.ref,
            destinationCidrBlock: "0.0.0.0/0", gatewayId: gateway.ref))
        // A route through the gateway fails until the gateway is attached to the VPC, and
        // nothing in the route refers to the attachment: hence the explicit dependency.
        defaultRoute.addDependency(on: attachment)

        var subnets: [CfnSubnet] = []
        for (index, cidr) in Self.subnetCidrBlocks.enumerated() {
            let name = "cruddur-platform-public-\(index + 1)"
            let subnet = stack.add(CfnSubnet("PublicSubnet\(index + 1)", vpcId: vpc.ref,
                availabilityZone: Fn.select(index, Fn.getAZs()), cidrBlock: Value(cidr), mapPublicIpOnLaunch: false,
                tags: [.init(key: "Name", value: Value(name))]))
            stack.add(CfnSubnetRouteTableAssociation("PublicSubnet\(index + 1)Routes", routeTableId: routeTable.ref, subnetId: subnet.ref))
            subnets.append(subnet)
        }
        self.subnets = subnets
    }
}

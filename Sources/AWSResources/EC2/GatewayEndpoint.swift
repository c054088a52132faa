import AWSEC2
import CloudFormation

/// A gateway VPC endpoint (`AWS::EC2::VPCEndpoint`, `VpcEndpointType: Gateway`) for DynamoDB
/// or S3: routes to the service through the given route tables instead of the internet,
/// with no hourly charge.
///
/// Without a policy, AWS attaches its default, which allows every action on every resource
/// of the service to anyone in the VPC. `EndpointPolicy.tables` narrows it to given tables.
/// DynamoDB Streams is a separate endpoint that a gateway endpoint does not serve; Lambda
/// reads streams from its own network, so a stream mapping does not need one.
public final class GatewayEndpoint: Resource {
    /// The services that have gateway endpoints.
    public enum Service: String, Sendable, CaseIterable, Hashable {
        case dynamoDB = "dynamodb"
        case s3

        /// `com.amazonaws.<region>.<service>`.
        var serviceName: Value<String> {
            "com.amazonaws.\(AWS.region).\(rawValue)"
        }
    }

    public let service: Service
    public let vpcID: Value<String>
    public let routeTableIDs: Value<[String]>
    public var policy: EndpointPolicy

    public init(_ logicalID: String, service: Service, vpcID: Value<String>, routeTableIDs: Value<[String]>, policy: EndpointPolicy = .fullAccess) {
        self.service = service
        self.vpcID = vpcID
        self.routeTableIDs = routeTableIDs
        self.policy = policy
        super.init(logicalID: logicalID, type: "AWS::EC2::VPCEndpoint")
    }

    /// The endpoint's ID (its Ref).
    public var id: Value<String> { ref }

    public override func properties(in context: SynthesisContext) -> Fields {
        policy.validateModel(for: self, in: context)
        return Self.renderOrder.apply(to: cfnEndpoint.properties(in: context))
    }

    /// The L1 endpoint this one renders as.
    var cfnEndpoint: CfnVPCEndpoint {
        CfnVPCEndpoint(logicalID, vpcId: vpcID,
                       policyDocument: policy.document(for: self)?.rendered,
                       routeTableIds: routeTableIDs,
                       serviceName: service.serviceName,
                       vpcEndpointType: .gateway)
    }

    /// The order this resource has always written its properties in (see `RenderOrder`).
    private static let renderOrder = RenderOrder(["VpcEndpointType", "ServiceName", "VpcId", "RouteTableIds", "PolicyDocument"])

    /// The typed policy is checked only while it is what deploys (the `CfnVPCEndpoint` decoded
    /// from the rendered properties, overrides applied, has its document): an override that
    /// replaces or removes the document leaves nothing typed to check.
    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        guard let deployed = DeployedProperties<CfnVPCEndpoint>(properties, of: self, in: context)?.resource,
              let document = policy.document(for: self), deployed.policyDocument == document.rendered else { return }
        document.validate(as: .resource, of: self, at: PropertyPath.properties / "PolicyDocument", in: context)
    }
}

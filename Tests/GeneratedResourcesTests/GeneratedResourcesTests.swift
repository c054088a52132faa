// The generated L1 resources (Sources/AWSGenerated, scripts/generate-resources) in a stack:
// rendered like any resource, checked by the catalog, with typed attributes and enums.
// Re-record the fixture with
//     INFRA_RECORD=1 swift test --filter GeneratedResourcesTests
import AWSECS
import AWSEC2
import AWSIAM
import AWSKMS
import AWSLambda
import AWSS3
import AWSSQS
import AWSSSM
import CloudFormation
import Foundation
import InfraYAML
import Testing
import UnifiedDiff

/// A network, a key, an encrypted bucket and queue, a cluster and a parameter: seven services.
let networkStack = Stack("generated-network", description: "Generated L1 resources from seven services") { stack in
    let vpc = stack.add(CfnVPC("Network", cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true,
        instanceTenancy: .default, tags: [CfnVPC.Tag(key: "team", value: "platform")]))
    let routes = stack.add(CfnRouteTable("Routes", vpcId: vpc.ref))
    for (index, cidr) in ["10.0.0.0/24", "10.0.1.0/24"].enumerated() {
        let subnet = stack.add(CfnSubnet("Subnet\(index)", vpcId: vpc.ref,
            availabilityZone: Fn.select(index, Fn.getAZs()), cidrBlock: Value(cidr), mapPublicIpOnLaunch: false))
        stack.add(CfnSubnetRouteTableAssociation("Subnet\(index)Routes", routeTableId: routes.ref, subnetId: subnet.ref))
    }

    let key = stack.add(CfnKey("DataKey", description: "Encrypts the bucket and the queue", enableKeyRotation: true,
        keyPolicy: [
            "Version": "2012-10-17",
            "Statement": [[
                "Sid": "AccountAdministers",
                "Effect": "Allow",
                "Principal": ["AWS": .intrinsic(.sub(SubTemplate(parsing: "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"), variables: Fields()))],
                "Action": "kms:*",
                "Resource": "*",
            ]],
        ],
        keySpec: .symmetricDefault, keyUsage: .encryptDecrypt, pendingWindowInDays: 7))

    let bucket = stack.add(CfnBucket("Artifacts",
        bucketEncryption: .init(serverSideEncryptionConfiguration: [
            .init(bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKms, kmsMasterKeyID: key.attrArn)),
        ]),
        publicAccessBlockConfiguration: .init(blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true),
        tags: [.init(key: "data", value: "artifacts")],
        versioningConfiguration: .init(status: .enabled)))
    bucket.deletionPolicy = .retain
    bucket.updateReplacePolicy = .retain

    let queue = stack.add(CfnQueue("Jobs", kmsMasterKeyId: key.ref, messageRetentionPeriod: 1_209_600, visibilityTimeout: 60))

    stack.add(CfnCluster("Workers", clusterName: "workers",
        clusterSettings: [.init(name: "containerInsights", value: "enabled")]))

    stack.add(CfnParameter("BucketNameParameter", parameterType: .string, value: bucket.ref,
        description: "Where the artifacts are", name: "/platform/artifacts-bucket", tier: .standard))

    stack.output("BucketArn", bucket.attrArn)
    stack.output("QueueArn", queue.attribute(.arn))
    stack.output("KeyArn", key.attrArn)
}

@Suite struct GeneratedResourcesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func synthesize(_ stack: Stack) -> (Template, [Diagnostic]) {
        let result = Synthesizer(files: SourceFiles(root: Self.fixtures.path), today: CalendarDate(2026, 11, 25)).synthesize(stack, flavor: .cloudFormation)
        return (result.template, result.diagnostics + Validator.validate(result.template, stack: stack.name, reported: result.diagnostics))
    }

    @Test func aStackOfGeneratedResourcesRendersItsFixture() throws {
        let (template, diagnostics) = synthesize(networkStack)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let yaml = try Emitter().emit(TemplateRenderer.render(template))
        let url = Self.fixtures.appendingPathComponent("generated-network.yaml")
        if ProcessInfo.processInfo.environment["INFRA_RECORD"] == "1" {
            try Data(yaml.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if let diff = UnifiedDiff.diff(expected, yaml, oldName: "Fixtures/generated-network.yaml", newName: "rendered") {
            Issue.record("the stack differs from its fixture:\n\(diff)")
        }
    }

    @Test func theWholePipelineTakesThem() {
        let app = App("generated", stacks: [networkStack])
        let pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: Self.fixtures.path), environment: .default, command: "swift test")
        let result = pipeline.run()
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        #expect(result.files.contains { $0.relativePath == "generated-network.yaml" })
    }

    @Test func propertiesRenderInSchemaOrderAndOmitUnsetOnes() {
        let (template, _) = synthesize(Stack("order") { stack in
            stack.add(CfnSubnet("Subnet", vpcId: "vpc-0abc", cidrBlock: "10.0.0.0/24"))
            let zoned = stack.add(CfnSubnet("Zoned", vpcId: "vpc-0abc", cidrBlock: "10.0.1.0/24"))
            zoned.availabilityZone = "ca-central-1a"
        })
        #expect(template.resource("Subnet")?.properties.keys == ["CidrBlock", "VpcId"])
        #expect(template.resource("Zoned")?.properties.keys == ["AvailabilityZone", "CidrBlock", "VpcId"])
    }

    /// Required properties are the init's non-optional parameters: these references compile
    /// only while VpcId, RouteTableId, SubnetId, Type and Value are required and typed so.
    @Test func requiredPropertiesAreInitParameters() {
        let routeTable: (String, Value<String>, [CfnRouteTable.Tag]?) -> CfnRouteTable = CfnRouteTable.init(_:vpcId:tags:)
        let association: (String, Value<String>, Value<String>) -> CfnSubnetRouteTableAssociation = CfnSubnetRouteTableAssociation.init(_:routeTableId:subnetId:)
        let table = routeTable("Routes", "vpc-1", nil)
        #expect(table.vpcId.literal == "vpc-1")
        #expect(association("A", "rtb-1", "subnet-1").subnetId.literal == "subnet-1")
        let parameter = CfnParameter("P", parameterType: .stringList, value: "a,b")
        #expect(parameter.parameterType.templateValue == .string("StringList"))
    }

    /// GetAtt attributes are an enum and typed accessors: no attribute names as strings.
    @Test func attributesAreTyped() {
        let bucket = CfnBucket("Artifacts")
        let queue = CfnQueue("Jobs")
        let arn: Value<String> = bucket.attribute(.arn)
        #expect(arn.raw == .intrinsic(.getAtt(bucket.target, attribute: "Arn")))
        #expect(bucket.attrArn == arn)
        #expect(bucket.attrRegionalDomainName.raw == .intrinsic(.getAtt(bucket.target, attribute: "RegionalDomainName")))
        #expect(queue.attrQueueUrl.raw == .intrinsic(.getAtt(queue.target, attribute: "QueueUrl")))
        // A list attribute is a list, an integer one an integer.
        let vpc = CfnVPC("Network")
        let blocks: Value<[String]> = vpc.attrIpv6CidrBlocks
        #expect(blocks.raw == .intrinsic(.getAtt(vpc.target, attribute: "Ipv6CidrBlocks")))
        let function = CfnFunction("Handler", code: .init(zipFile: "def handler(event, context): pass"), role: CfnRole("Role", assumeRolePolicyDocument: [:]).attrArn)
        #expect(function.attrArn.raw == .intrinsic(.getAtt(function.target, attribute: "Arn")))
        #expect(CfnBucket.Attribute.websiteURL.rawValue == "WebsiteURL")
    }

    /// An enum property takes a case, or any string value (a parameter) through `.init(_:)`;
    /// a value outside the schema's enum is the catalog's error, not a crash.
    @Test func enumsTakeCasesOrValues() {
        let (_, ok) = synthesize(Stack("enums") { stack in
            let mode = stack.parameter("Versioning", .string, description: "Enabled or Suspended")
            stack.add(CfnBucket("Bucket", versioningConfiguration: .init(status: .init(mode))))
        })
        #expect(ok.isEmpty, "\(ok.map(\.description))")
        let (_, bad) = synthesize(Stack("enums") { stack in
            stack.add(CfnBucket("Bucket", versioningConfiguration: .init(status: .init("Sometimes"))))
        })
        #expect(bad.contains { $0.severity == .error && $0.path == "Properties.VersioningConfiguration.Status" }, "\(bad.map(\.description))")
    }

    /// Generated resources are Resources: overrides, DependsOn and the catalog apply.
    @Test func overridesAndValidationApply() {
        let (template, diagnostics) = synthesize(Stack("overrides") { stack in
            let queue = stack.add(CfnQueue("Jobs", visibilityTimeout: 60))
            queue.addPropertyOverride("VisibilityTimeout", 99_999)
            let topic = stack.add(CfnQueue("Other"))
            topic.addDependency(on: queue)
        })
        #expect(template.resource("Jobs")?.properties["VisibilityTimeout"] == .number("99999"))
        #expect(template.resource("Other")?.dependsOn == ["Jobs"])
        #expect(diagnostics.contains { $0.severity == .error && $0.path == "Properties.VisibilityTimeout" }, "\(diagnostics.map(\.description))")
    }

    @Test func mapsRenderInKeyOrder() {
        let (template, _) = synthesize(Stack("maps") { stack in
            stack.add(CfnParameter("P", parameterType: .string, value: "v", tags: ["b": "2", "a": "1"]))
        })
        #expect(template.resource("P")?.properties["Tags"] == .object(["a": "1", "b": "2"]))
    }
}

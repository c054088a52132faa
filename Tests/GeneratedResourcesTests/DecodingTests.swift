// The generated decoders (`Cfn<Resource>(_:decoding:)`, `init?(decoding:)` on every property
// struct): rendered properties decode to the typed object, which renders them again unchanged.
import AWSDynamoDB
import AWSEC2
import AWSECS
import AWSIAM
import AWSKMS
import AWSLambda
import AWSLogs
import AWSS3
import AWSSNS
import AWSSQS
import AWSSSM
import CloudFormation
import ResourceCatalog
import Testing

@Suite struct DecodingTests {
    static let modules: [(namespace: String, types: [String: any DecodableResource.Type])] = [
        ("AWS::DynamoDB", AWSDynamoDBResourceTypes.all), ("AWS::EC2", AWSEC2ResourceTypes.all),
        ("AWS::ECS", AWSECSResourceTypes.all), ("AWS::IAM", AWSIAMResourceTypes.all),
        ("AWS::KMS", AWSKMSResourceTypes.all), ("AWS::Lambda", AWSLambdaResourceTypes.all),
        ("AWS::Logs", AWSLogsResourceTypes.all), ("AWS::S3", AWSS3ResourceTypes.all),
        ("AWS::SNS", AWSSNSResourceTypes.all), ("AWS::SQS", AWSSQSResourceTypes.all),
        ("AWS::SSM", AWSSSMResourceTypes.all),
    ]

    /// Each module lists every type of its namespace, so the round trip below covers them all.
    @Test func everyTypeOfTheNamespaceIsListed() {
        for (namespace, types) in Self.modules {
            let catalog = ResourceCatalog.typeNames.filter { $0.hasPrefix(namespace + "::") && !$0.dropFirst(namespace.count + 2).contains(":") }
            #expect(Set(types.keys) == Set(catalog), "\(namespace)")
        }
    }

    /// For every type, every settable property (nested objects filled in with all of theirs):
    /// properties -> decode -> properties is the identity.
    @Test func everyTypeRoundTrips() throws {
        var checked = 0
        for (_, types) in Self.modules {
            for (name, resourceType) in types.sorted(by: { $0.key < $1.key }) {
                let info = try #require(ResourceCatalog.type(named: name))
                let shape = ResourceCatalog.propertiesShape(of: info)
                var properties = Fields()
                for (key, propertyShape) in shape.properties where info.settableProperties.contains(key) {
                    properties[key] = Sample.value(propertyShape, depth: 0)
                }
                let decoding = resourceType.init("Decoded", decoding: properties)
                let decoded = try #require(decoding, "\(name) does not decode its own sample")
                let again = rendered(decoded) ?? Fields()
                #expect(again == properties, "\(name): \(Sample.firstDifference(.object(again), .object(properties), at: "Properties") ?? "the key order differs")")
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    /// Intrinsics stand wherever a value does; a list given at deploy time fits a string list.
    @Test func intrinsicsDecodeAndRenderUnchanged() throws {
        let vpc: TemplateValue = .intrinsic(.ref(ReferenceTarget("VpcId")))
        let zones: TemplateValue = .intrinsic(.getAZs(""))
        var properties = Fields()
        properties["AvailabilityZone"] = .intrinsic(.select(index: 0, from: zones))
        properties["CidrBlock"] = .intrinsic(.sub(SubTemplate(parsing: "10.${Octet}.0.0/24"), variables: ["Octet": "1"]))
        properties["MapPublicIpOnLaunch"] = .intrinsic(.if(condition: "Public", then: true, else: false))
        properties["Tags"] = [["Key": "zone", "Value": .intrinsic(.select(index: 0, from: zones))]]
        properties["VpcId"] = vpc
        let subnet = try #require(CfnSubnet("Subnet", decoding: properties))
        #expect(subnet.vpcId.raw == vpc)
        #expect(subnet.mapPublicIpOnLaunch?.literal == nil)
        #expect(subnet.tags?.first?.key.literal == "zone")
        #expect(rendered(subnet) == properties)

        let endpoint = try #require(CfnVPCEndpoint("Endpoint", decoding: ["VpcId": vpc, "RouteTableIds": .intrinsic(.split(delimiter: ",", vpc))]))
        #expect(endpoint.routeTableIds?.items == nil)
    }

    /// What does not fit its type decodes as absent (a struct given as a scalar or through
    /// Fn::If), or unchecked (a scalar of another type); unknown keys are ignored; a missing
    /// required property fails the whole resource.
    @Test func valuesOfTheWrongShape() throws {
        let table = try #require(CfnTable("T", decoding: [
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
            "BillingMode": 5,
            "ProvisionedThroughput": "lots",
            "StreamSpecification": .intrinsic(.if(condition: "C", then: ["StreamViewType": "NEW_IMAGE"], else: "")),
            "Bogus": true,
        ]))
        #expect([CfnTable.KeySchema](decoding: table.keySchema)?.first?.attributeName.literal == "pk")
        #expect(table.billingMode?.templateValue == 5)
        #expect(table.provisionedThroughput == nil)
        #expect(table.streamSpecification == nil)
        #expect(table.billingMode != .payPerRequest)
        #expect(CfnTable("T", decoding: ["BillingMode": "PAY_PER_REQUEST"]) == nil)
        #expect(CfnTable("T", decoding: ["KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]], "GlobalSecondaryIndexes": [["IndexName": "i"]]])?.globalSecondaryIndexes == nil)
    }

    private func rendered(_ resource: Resource) -> Fields? {
        nonisolated(unsafe) let resource = resource
        let stack = Stack("decoding") { stack in _ = stack.add(resource) }
        let result = Synthesizer(files: SourceFiles(root: "."), today: CalendarDate(2026, 11, 25)).synthesize(stack, flavor: .cloudFormation)
        return result.template.resource(resource.logicalID)?.properties
    }
}

/// A value of every property a shape declares, as the generator types it.
private enum Sample {
    /// Where two values first differ, as a path: for a readable failure.
    static func firstDifference(_ lhs: TemplateValue, _ rhs: TemplateValue, at path: String) -> String? {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let l = left[key], let r = right[key] else { return "\(path).\(key): only on one side" }
                if let found = firstDifference(l, r, at: "\(path).\(key)") { return found }
            }
            return left == right ? nil : "\(path): key order"
        case (.list(let left), .list(let right)) where left.count == right.count:
            for (index, pair) in zip(left, right).enumerated() {
                if let found = firstDifference(pair.0, pair.1, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return lhs == rhs ? nil : "\(path): \(lhs) != \(rhs)"
        }
    }

    static func value(_ shape: ValueShape, depth: Int) -> TemplateValue {
        if shape.types.isEmpty, shape.propertyNames.isEmpty, shape.allOf.count == 1 { return value(shape.allOf[0], depth: depth) }
        if shape.isJSON { return ["Document": ["Nested": [1, "two"]]] }
        if !shape.propertyNames.isEmpty, shape.types.isEmpty || shape.types.contains(.object) {
            var fields = Fields()
            for (name, child) in shape.properties where depth < 4 || shape.required.contains(name) {
                fields[name] = value(child, depth: depth + 1)
            }
            return .object(fields)
        }
        if shape.types.contains(.array) {
            return [shape.items.map { value($0, depth: depth + 1) } ?? "item"]
        }
        if shape.types.contains(.string) {
            if let first = shape.allowedValues?.first, first.hasPrefix("\""), first.count >= 2 {
                return .string(String(first.dropFirst().dropLast()))
            }
            return "text"
        }
        if shape.types.contains(.integer) { return 7 }
        if shape.types.contains(.number) { return .number("1.5") }
        if shape.types.contains(.boolean) { return true }
        if shape.types.contains(.object) {
            if case .shape(let values) = shape.additionalProperties { return ["a": value(values, depth: depth + 1), "b": value(values, depth: depth + 1)] }
            if let values = shape.patternProperties.first?.shape { return ["a": value(values, depth: depth + 1)] }
            return .object(Fields())  // a struct the catalog does not resolve reads it as one without members
        }
        return "anything"
    }
}

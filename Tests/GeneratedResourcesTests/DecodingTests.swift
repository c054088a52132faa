// The generated decoders (`Cfn<Resource>(_:decoding:)`, `init?(decoding:)` on its property
// structs) of the types in scripts/decodable-types.txt: rendered properties decode to the
// typed object, which renders them again unchanged.
import AWSCloudWatch
import AWSDynamoDB
import AWSEC2
import AWSIAM
import AWSLambda
import AWSLogs
import AWSS3
import AWSSNS
import AWSSQS
import CloudFormation
import Foundation
import ResourceCatalog
import Testing

@Suite struct DecodingTests {
    /// The modules with decodable types (scripts/decodable-types.txt).
    static let modules: [(namespace: String, types: [String: any DecodableResource.Type])] = [
        ("AWS::CloudWatch", AWSCloudWatchResourceTypes.all), ("AWS::DynamoDB", AWSDynamoDBResourceTypes.all),
        ("AWS::EC2", AWSEC2ResourceTypes.all), ("AWS::IAM", AWSIAMResourceTypes.all),
        ("AWS::Lambda", AWSLambdaResourceTypes.all), ("AWS::Logs", AWSLogsResourceTypes.all),
        ("AWS::S3", AWSS3ResourceTypes.all), ("AWS::SNS", AWSSNSResourceTypes.all), ("AWS::SQS", AWSSQSResourceTypes.all),
    ]

    /// The registries list exactly the types of scripts/decodable-types.txt, so the round trip
    /// below covers every type that decodes.
    @Test func everyDecodableTypeIsListed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("scripts/decodable-types.txt"), encoding: .utf8)
        let listed = Set(text.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }.filter { !$0.isEmpty })
        #expect(Set(Self.modules.flatMap(\.types.keys)) == listed)
        #expect(listed.count >= 10)
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
        #expect(checked == Self.modules.map(\.types.count).reduce(0, +))
    }

    /// Intrinsics stand wherever a value does; a list given at deploy time fits a string list.
    @Test func intrinsicsDecodeAndRenderUnchanged() throws {
        let vpc: TemplateValue = .intrinsic(.ref(ReferenceTarget("VpcId")))
        let zones: TemplateValue = .intrinsic(.getAZs(""))
        var properties = Fields()
        properties["PrivateDnsEnabled"] = .intrinsic(.if(condition: "Private", then: true, else: false))
        properties["ServiceName"] = .intrinsic(.sub(SubTemplate(parsing: "com.amazonaws.${AWS::Region}.dynamodb"), variables: [:]))
        properties["SubnetIds"] = [.intrinsic(.select(index: 0, from: zones))]
        properties["VpcId"] = vpc
        let interface = try #require(CfnVPCEndpoint("Interface", decoding: properties))
        #expect(interface.vpcId.raw == vpc)
        #expect(interface.privateDnsEnabled?.literal == nil)
        #expect(interface.subnetIds?.items?.first?.raw == .intrinsic(.select(index: 0, from: zones)))
        #expect(rendered(interface) == properties)

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

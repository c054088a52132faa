import CloudFormation
import InfraYAML
import Testing

@Suite("Intrinsic functions render in the short form, long form only where YAML needs it")
struct IntrinsicRenderingTests {
    /// A real template (it passes cfn-lint) in which every intrinsic function and pseudo
    /// parameter stands where CloudFormation accepts it: SSM parameter values take any string.
    static let stack = Stack("intrinsics", description: "Every intrinsic function") { stack in
        let env = stack.parameter("Environment", .string, ParameterOptions(default: "dev", allowedValues: ["dev", "prod"]))
        let cidr = stack.parameter("VpcCidr", .string, ParameterOptions(description: "The VPC's address block", default: "10.0.0.0/16"))
        let vpc = stack.parameter("VpcId", .vpcID, description: "The VPC")
        let names = stack.parameter("Names", .commaDelimitedList, ParameterOptions(description: "Some names", default: "a,b"))
        let isProd = stack.condition("IsProd", Fn.equals(env, "prod"))
        let isDev = stack.condition("IsDev", Fn.not(Fn.condition(isProd)))
        let isEither = stack.condition("IsEither", Fn.or(Fn.condition(isProd), Fn.condition(isDev)))
        let isBoth = stack.condition("IsBoth", Fn.and(Fn.condition(isProd), Fn.equals(cidr, "10.0.0.0/16")))
        let sizes = stack.mapping("Sizes", ["dev": ["Memory": "small"], "prod": ["Memory": "large"]])

        let queue = stack.add(RawResource("Queue", type: "AWS::SQS::Queue"))
        func parameter(_ id: String, _ value: Value<String>, description: Value<String>? = nil) -> RawResource {
            var properties: Fields = ["Type": "String", "Value": value.raw]
            properties["Description"] = description?.raw
            return stack.add(RawResource(id, type: "AWS::SSM::Parameter", properties: properties))
        }
        parameter("RefResource", queue.ref)
        parameter("RefParameter", env)
        parameter("Pseudo", Fn.join(",", [AWS.region, AWS.accountID, AWS.partition, AWS.stackName, AWS.stackID, AWS.urlSuffix]))
        parameter("GetAtt", queue.attribute("Arn"))
        parameter("Sub", "arn:\(AWS.partition):sqs:\(AWS.region):\(AWS.accountID):\(queue.attribute("QueueName"))")
        parameter("SubWithMap", "\(Fn.select(0, names))-\(AWS.region)")
        parameter("SubEscaped", "${literal} \(queue.ref)")
        parameter("SubRaw", Fn.sub("${Queue.Arn}/${Key}", [("Key", "index.html")]))
        parameter("Join", Fn.join(",", names))
        parameter("Split", Fn.join("+", Fn.split(",", "a,b")))
        parameter("If", Fn.if(isDev, "small", else: "large"), description: Fn.if(isProd, "kept", else: AWS.noValue()))
        parameter("FindInMap", Fn.findInMap(sizes, env, "Memory"))
        parameter("ImportValue", Fn.importValue("shared-vpc-id"))
        parameter("Base64", Fn.base64("plain text"))
        parameter("Base64OfSub", Fn.base64("#!/bin/sh\necho \(AWS.stackName)\n"))
        parameter("ImportValueOfSub", Fn.importValue("\(AWS.stackName)-VpcId"))
        parameter("Either", "either").condition = isEither
        parameter("Both", "both").condition = isBoth
        stack.add(RawResource("Subnet", type: "AWS::EC2::Subnet", properties: [
            "VpcId": vpc.raw,
            "CidrBlock": Fn.select(0, Fn.cidr(cidr, count: 6, cidrBits: 5)).raw,
            "AvailabilityZone": Fn.select(1, Fn.getAZs()).raw,
        ]))
        stack.add(RawResource("OtherSubnet", type: "AWS::EC2::Subnet", properties: [
            "VpcId": vpc.raw,
            "CidrBlock": Fn.select(1, Fn.cidr(cidr, count: 6, cidrBits: 5)).raw,
            "AvailabilityZone": Fn.select(0, Fn.getAZs(AWS.region)).raw,
        ]))
        stack.output("QueueUrl", queue.ref)
    }

    @Test func everyIntrinsicMatchesItsFixture() throws {
        let (template, diagnostics) = synthesize(Self.stack)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        try Golden.assertMatches(try Golden.render(template), fixture: "intrinsics")
    }

    @Test func shortFormFunctionOfShortFormFunctionFallsBackToLongForm() throws {
        let yaml = try Golden.render(synthesize(Self.stack).template)
        #expect(yaml.contains("Value:\n        Fn::Base64: !Sub"))
        #expect(yaml.contains("Value:\n        Fn::ImportValue: !Sub"))
        #expect(yaml.contains("AvailabilityZone:\n        !Select") || yaml.contains("AvailabilityZone: !Select"))
        #expect(yaml.contains("- Fn::GetAZs: !Ref AWS::Region"))
        // A plain argument keeps the short form.
        #expect(yaml.contains("Value: !Base64 plain text"))
    }

    @Test func realNumbersAreWrittenAsEveryReaderReadsThem() {
        #expect(Value<Double>(0.00001).raw == .number("1.0e-05"))
        #expect((0.5 as Value<Double>).raw == .number("0.5"))
        #expect(Value<Double>(2.0).raw == .number("2"))
    }

    @Test func interpolationWithoutIntrinsicsStaysAPlainString() {
        let value: Value<String> = "plain \("text")"
        #expect(value.raw == .string("plain text"))
    }

    @Test func subTemplateParsesAndRendersEscapes() {
        let template = SubTemplate(parsing: "a ${!Literal} ${Name} ${Res.Attr} ${AWS::Region}")
        #expect(template.parts == [
            .literal("a ${Literal} "), .reference(ReferenceTarget("Name")), .literal(" "),
            .attribute(ReferenceTarget("Res"), "Attr"), .literal(" "), .reference(ReferenceTarget("AWS::Region")),
        ])
        #expect(template.rendered == "a ${!Literal} ${Name} ${Res.Attr} ${AWS::Region}")
    }
}

@Suite("Streamed rendering writes what the tree writes")
struct StreamedRenderingTests {
    /// A nested short form needs the long form: the streamed renderer decides it before writing.
    @Test func nestedShortFormsMatchTheTree() throws {
        var template = Template()
        template.resources = [TemplateResource(logicalID: "Thing", type: "AWS::SSM::Parameter", properties: [
            "Base64OfRef": .intrinsic(.base64(.intrinsic(.ref(ReferenceTarget("Queue"))))),
            "GetAZsOfBase64OfRef": .intrinsic(.getAZs(.intrinsic(.base64(.intrinsic(.ref(ReferenceTarget("Queue"))))))),
            "ImportOfNumber": .intrinsic(.importValue(.number("5"))),
            "Base64OfBoolean": .intrinsic(.base64(.boolean(true))),
            "Base64OfList": .intrinsic(.base64(.list(["a", 1]))),
            "OrOfConditions": .intrinsic(.or([.intrinsic(.condition("A")), .intrinsic(.condition("B"))])),
        ])]
        let tree = try Emitter().emit(TemplateRenderer.render(template))
        #expect(try TemplateRenderer.emit(template) == tree)
        #expect(tree.contains("GetAZsOfBase64OfRef: !GetAZs\n"))
        #expect(tree.contains("Fn::Base64: !Ref Queue"))
        #expect(tree.contains("ImportOfNumber: !ImportValue '5'"))
    }

    /// Every section and every optional field, in both renderings.
    @Test func everySectionMatchesTheTree() throws {
        var template = Template()
        template.description = "all: sections"
        template.metadata = ["Note": "x"]
        var size = TemplateParameter(name: "Size", type: "Number")
        size.description = "How big"
        size.defaultValue = 3
        size.allowedValues = [1, 3]
        size.allowedPattern = "[0-9]+"
        size.minLength = 1
        size.maxLength = 2
        size.minValue = 0.5
        size.maxValue = .infinity
        size.noEcho = true
        size.constraintDescription = "a number"
        template.parameters = [size, TemplateParameter(name: "Other", type: "String")]
        template.mappings = ["Map": .object(["Key": .object(["Value": "1"])])]
        template.conditions = ["IsBig": .intrinsic(.equals(.intrinsic(.ref(ReferenceTarget("Size"))), "3"))]
        template.transforms = ["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"]
        template.globals = ["Function": .object(["Timeout": 3])]
        template.resources = [TemplateResource(
            logicalID: "Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 1, "FifoQueue": true],
            dependsOn: ["A", "B"], condition: "IsBig", deletionPolicy: .retain, updateReplacePolicy: .retain,
            metadata: ["Why": "test"])]
        template.outputs = [
            TemplateOutput(name: "Url", value: .intrinsic(.ref(ReferenceTarget("Queue"))), description: "d",
                           exportName: .intrinsic(.sub(SubTemplate(parsing: "${AWS::StackName}-Url"), variables: Fields())), condition: "IsBig"),
            TemplateOutput(name: "Plain", value: "v"),
        ]
        #expect(try TemplateRenderer.emit(template) == Emitter().emit(TemplateRenderer.render(template)))
    }

    @Test func aDuplicateLogicalIDIsRefusedAlike() {
        var template = Template()
        template.resources = [
            TemplateResource(logicalID: "Queue", type: "AWS::SQS::Queue"),
            TemplateResource(logicalID: "Queue", type: "AWS::SQS::Queue"),
        ]
        #expect(throws: YAMLError.duplicateKey("Queue", mark: nil)) { try TemplateRenderer.render(template) }
        #expect(throws: YAMLError.duplicateKey("Queue", mark: nil)) { try TemplateRenderer.emit(template) }
    }
}

import CloudFormation
import Testing

@Suite("Intrinsic functions render in the short form, long form only where YAML needs it")
struct IntrinsicRenderingTests {
    /// One resource whose properties use every intrinsic function and pseudo parameter.
    static let stack = Stack("intrinsics", description: "Every intrinsic function") { stack in
        let env = stack.parameter("Environment", .string, ParameterOptions(default: "dev", allowedValues: ["dev", "prod"]))
        let cidr = stack.parameter("VpcCidr", .string, description: "The VPC's address block")
        let names = stack.parameter("Names", .commaDelimitedList, description: "Some names")
        let isProd = stack.condition("IsProd", Fn.equals(env, "prod"))
        let isDev = stack.condition("IsDev", Fn.not(Fn.condition(isProd)))
        _ = stack.condition("IsEither", Fn.or(Fn.condition(isProd), Fn.condition(isDev)))
        _ = stack.condition("IsBoth", Fn.and(Fn.condition(isProd), Fn.condition(isDev)))
        let sizes = stack.mapping("Sizes", ["dev": ["Memory": 128], "prod": ["Memory": 1024]])

        let bucket = stack.add(RawResource("Bucket", type: "AWS::S3::Bucket"))
        let queue = stack.add(RawResource("Queue", type: "AWS::SQS::Queue"))
        stack.add(RawResource("Everything", type: "AWS::CloudFormation::WaitConditionHandle", properties: [
            "Ref": bucket.ref.raw,
            "RefParameter": env.raw,
            "Pseudo": .list([AWS.region, AWS.accountID, AWS.partition, AWS.stackName, AWS.stackID, AWS.urlSuffix].map(\.raw)),
            "NoValue": Fn.if(isProd, "kept", else: AWS.noValue()).raw,
            "GetAtt": queue.attribute("Arn").raw,
            "Sub": ("arn:\(AWS.partition):s3:::\(bucket.ref)/*" as Value<String>).raw,
            "SubWithMap": ("\(Fn.select(0, names))-\(AWS.region)" as Value<String>).raw,
            "SubEscaped": ("${literal} \(bucket.ref)" as Value<String>).raw,
            "SubRaw": Fn.sub("${Bucket.Arn}/${Key}", [("Key", "index.html")]).raw,
            "Join": Fn.join(",", names).raw,
            "Select": Fn.select(1, Fn.getAZs()).raw,
            "Split": Fn.split(",", "a,b").raw,
            "If": Fn.if(isDev, "small", else: "large").raw,
            "FindInMap": Fn.findInMap(sizes, env, "Memory").raw,
            "ImportValue": Fn.importValue("shared-vpc-id").raw,
            "Base64": Fn.base64("plain text").raw,
            "Base64OfSub": Fn.base64("#!/bin/sh\necho \(AWS.stackName)\n").raw,
            "ImportValueOfSub": Fn.importValue("\(AWS.stackName)-VpcId").raw,
            "Cidr": Fn.cidr(cidr, count: 6, cidrBits: 5).raw,
            "GetAZsOfRegion": Fn.getAZs(AWS.region).raw,
        ]))
        stack.output("BucketName", bucket.ref)
    }

    @Test func everyIntrinsicMatchesItsFixture() throws {
        let (template, diagnostics) = synthesize(Self.stack)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        try Golden.assertMatches(try Golden.render(template), fixture: "intrinsics")
    }

    @Test func shortFormFunctionOfShortFormFunctionFallsBackToLongForm() throws {
        let yaml = try Golden.render(synthesize(Self.stack).template)
        #expect(yaml.contains("Base64OfSub:\n        Fn::Base64: !Sub"))
        #expect(yaml.contains("ImportValueOfSub:\n        Fn::ImportValue: !Sub"))
        // A plain argument keeps the short form.
        #expect(yaml.contains("Base64: !Base64 plain text"))
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

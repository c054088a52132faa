import AWSResources
import CloudFormation
import Testing

@Suite struct FunctionGlobalsTests {
    /// Two functions in SAM flavor that differ in memory and, as asked, in VPC and runtime,
    /// as synthesis renders them.
    static func twoFunctions(vpcForBoth: Bool = true, runtimes: (Runtime, Runtime) = (.python3_13, .python3_13), architecture: Architecture = .arm64) -> Template {
        let result = synthesize(.sam) { stack in
            let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets.")
            let groups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Groups.")
            let vpc = VPCConfig(subnetIDs: subnets, securityGroupIDs: groups)
            stack.add(Function("A", runtime: runtimes.0, architecture: architecture, handler: "a.handler", code: .s3(bucket: "b", key: "a.zip"), memorySize: 256, timeout: 60, vpc: vpc))
            stack.add(Function("B", runtime: runtimes.1, architecture: architecture, handler: "b.handler", code: .s3(bucket: "b", key: "b.zip"), timeout: 60, vpc: vpcForBoth ? vpc : nil))
        }
        // Synthesis hoists (after the last resource); nothing is applied by hand here.
        return result.template
    }

    @Test func settingsEveryFunctionSharesMoveToGlobals() {
        let template = Self.twoFunctions()
        #expect(template.globals == ["Function": [
            "Runtime": "python3.13",
            "Architectures": ["arm64"],
            "Timeout": 60,
            "VpcConfig": ["SubnetIds": .ref("SubnetIds"), "SecurityGroupIds": .ref("SecurityGroupIds")],
        ]])
        for name in ["A", "B"] {
            let properties = template.resource(name)?.properties
            #expect(properties?["Runtime"] == nil && properties?["Architectures"] == nil && properties?["Timeout"] == nil && properties?["VpcConfig"] == nil)
        }
        // Memory differs (256 and 128): each function keeps its own.
        #expect(template.resource("A")?.properties["MemorySize"] == 256)
        #expect(template.resource("B")?.properties["MemorySize"] == 128)
    }

    @Test func aSettingOneFunctionLacksStaysOnTheFunction() {
        // SAM would give B the global VpcConfig too: a global applies to every function.
        let template = Self.twoFunctions(vpcForBoth: false)
        #expect(template.globals["Function"]?.fields?.keys == ["Runtime", "Architectures", "Timeout"])
        #expect(template.resource("A")?.properties["VpcConfig"] != nil)
    }

    @Test func settingsThatDifferStayOnEachFunction() {
        let template = Self.twoFunctions(runtimes: (.python3_13, .python3_14))
        #expect(template.globals["Function"]?.fields?.keys == ["Architectures", "Timeout", "VpcConfig"])
        #expect(template.resource("A")?.properties["Runtime"] == "python3.13")
        #expect(template.resource("B")?.properties["Runtime"] == "python3.14")
    }

    @Test func globalsThatWouldNotShortenTheTemplateAreNotUsed() {
        // Only the runtime is shared: one line saved, two lines of headers.
        let result = synthesize(.sam) { stack in
            stack.add(Function("A", runtime: .python3_13, architecture: .arm64, handler: "a.handler", code: .s3(bucket: "b", key: "a.zip"), memorySize: 256, timeout: 10))
            stack.add(Function("B", runtime: .python3_13, architecture: .x86_64, handler: "b.handler", code: .s3(bucket: "b", key: "b.zip"), timeout: 20))
        }
        var template = result.template
        FunctionGlobals.hoist(&template.resources, into: &template.globals)
        #expect(template.globals.isEmpty)
        #expect(template == result.template)
    }

    @Test func oneFunctionKeepsItsSettings() {
        // Moving a single function's settings saves nothing and costs the headers.
        let result = synthesize(.sam) { stack in
            stack.add(Function("A", runtime: .python3_13, handler: "a.handler", code: .s3(bucket: "b", key: "a.zip")))
        }
        var template = result.template
        FunctionGlobals.hoist(&template.resources, into: &template.globals)
        #expect(template == result.template)
    }

    @Test func existingGlobalsAreKept() {
        var resources = Self.twoFunctions().resources
        for index in resources.indices where resources[index].type == "AWS::Serverless::Function" {
            resources[index].properties["Runtime"] = "python3.13"
            resources[index].properties["Timeout"] = 60
        }
        var globals: Fields = ["Function": ["Timeout": 30]]
        FunctionGlobals.hoist(&resources, into: &globals)
        // Timeout is already global (each function overrides it); Runtime joins it.
        #expect(globals == ["Function": ["Timeout": 30, "Runtime": "python3.13"]])
        #expect(resources.first { $0.logicalID == "A" }?.properties["Timeout"] == 60)
    }

    @Test func otherResourcesAreUntouched() {
        let template = Self.twoFunctions()
        #expect(template.resources.filter { $0.type != "AWS::Serverless::Function" }.map(\.logicalID) == ["ALogGroup", "BLogGroup"])
        #expect(template.resource("ALogGroup")?.properties == ["RetentionInDays": 30])
    }
}

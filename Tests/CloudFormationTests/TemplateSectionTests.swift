import CloudFormation
import Testing

@Suite("Template sections, parameters, outputs and resource attributes")
struct TemplateSectionTests {
    @Test func parametersOfEveryTypeWithTheirConstraints() throws {
        let stack = Stack("parameters") { stack in
            let name = stack.parameter("Name", .string, ParameterOptions(
                description: "A name", default: "app", allowedPattern: "[a-z]+", minLength: 1, maxLength: 20,
                constraintDescription: "lower-case letters"))
            let count = stack.parameter("Count", .integer, ParameterOptions(default: 2, minValue: 0, maxValue: 900))
            let ratio = stack.parameter("Ratio", .number, ParameterOptions(default: 262144))
            let ports = stack.parameter("Ports", .numberList, description: "Ports")
            let list = stack.parameter("Names", .commaDelimitedList, ParameterOptions(default: ""))
            let vpc = stack.parameter("VpcId", .vpcID, description: "The VPC")
            let subnet = stack.parameter("SubnetId", .subnetID, description: "A subnet")
            let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets")
            let group = stack.parameter("SecurityGroupId", .securityGroupID, description: "A group")
            let groups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Groups")
            let secret = stack.parameter("Secret", .string, ParameterOptions(noEcho: true))
            let fromSSM = stack.parameter("Image", .ssmString, ParameterOptions(default: "/aws/service/ami"))
            let stage = stack.parameter("Stage", .string, ParameterOptions(default: "on", allowedValues: ["on", "off", "2012-10-17"]))
            // Each parameter used where its type fits, in a template that passes cfn-lint.
            let strings: [Value<String>] = [name, vpc, subnet, group, secret, fromSSM, stage]
            for (index, value) in strings.enumerated() {
                stack.add(RawResource("Text\(index)", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": value.raw]))
            }
            let lists: [Value<[String]>] = [list, subnets, groups]
            for (index, value) in lists.enumerated() {
                stack.add(RawResource("List\(index)", type: "AWS::SSM::Parameter", properties: ["Type": "StringList", "Value": Fn.join(",", value).raw]))
            }
            stack.add(RawResource("Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": count.raw, "MaximumMessageSize": ratio.raw]))
            stack.add(RawResource("PortList", type: "AWS::SSM::Parameter", properties: ["Type": "StringList", "Value": .intrinsic(.join(delimiter: ",", ports.raw))]))
        }
        let (template, diagnostics) = synthesize(stack)
        #expect(diagnostics == [])
        try Golden.assertMatches(try Golden.render(template), fixture: "parameters")
    }

    @Test func outputsWithExportsAndConditionsAndResourceAttributes() throws {
        let stack = Stack("outputs", description: "Outputs, exports and resource attributes") { stack in
            let env = stack.parameter("Env", .string, ParameterOptions(default: "dev"))
            let isProd = stack.condition("IsProd", Fn.equals(env, "prod"))
            let topic = stack.add(RawResource("Topic", type: "AWS::SNS::Topic"))
            let queue = stack.add(RawResource("Queue", type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": 60]))
            queue.dependsOn = [topic]
            queue.condition = isProd
            queue.deletionPolicy = .retain
            queue.updateReplacePolicy = .delete
            queue.metadata["Purpose"] = "a queue with every attribute"
            queue.addPropertyOverride("RedrivePolicy.maxReceiveCount", 5)
            queue.addPropertyOverride("VisibilityTimeout", 30)
            stack.output("TopicArn", topic.ref, description: "The topic", exportName: "\(AWS.stackName)-TopicArn")
            stack.output("QueueArn", queue.attribute("Arn"), exportName: "shared-queue-arn", condition: isProd)
        }
        let (template, diagnostics) = synthesize(stack)
        #expect(diagnostics == [])
        try Golden.assertMatches(try Golden.render(template), fixture: "outputs")
    }

    @Test func sectionsRenderInCanonicalOrder() throws {
        let stack = Stack("order", description: "d") { stack in
            stack.metadata["Note"] = "first after Description"
            let env = stack.parameter("Env", .string, ParameterOptions(default: "dev"))
            _ = stack.mapping("M", ["a": ["b": "c"]])
            let condition = stack.condition("C", Fn.equals(env, "x"))
            let handle = stack.add(RawResource("H", type: "AWS::CloudFormation::WaitConditionHandle"))
            handle.condition = condition
            stack.output("O", handle.ref)
        }
        let yaml = try Golden.render(synthesize(stack).template)
        let keys = yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(keys == ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions", "Resources", "Outputs"])
        #expect(yaml.hasPrefix("AWSTemplateFormatVersion: '2010-09-09'\n"))
    }

    @Test func resourcesAndOutputsKeepDeclarationOrder() {
        let stack = Stack("declared") { stack in
            for name in ["Zeta", "Alpha", "Mid"] {
                let resource = stack.add(RawResource(name, type: "AWS::CloudFormation::WaitConditionHandle"))
                stack.output(name + "Out", resource.ref)
            }
        }
        let template = synthesize(stack).template
        #expect(template.resources.map(\.logicalID) == ["Zeta", "Alpha", "Mid"])
        #expect(template.outputs.map(\.name) == ["ZetaOut", "AlphaOut", "MidOut"])
    }

    @Test func overrideOfAMissingListIndexIsADiagnostic() {
        let stack = Stack("override") { stack in
            let resource = stack.add(RawResource("R", type: "AWS::SNS::Topic", properties: ["Tags": .list([])]))
            resource.addPropertyOverride("Tags.3.Value", "x")
        }
        let diagnostics = synthesize(stack).diagnostics
        #expect(diagnostics.map(\.description) == ["error: override: R: Properties.Tags.3.Value: '3' is not an index of the list (it has 0 items)"])
    }
}

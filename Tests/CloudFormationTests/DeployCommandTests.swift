import CloudFormation
import Testing

@Suite("Deploy commands and parameter files")
struct DeployCommandTests {
    static func template(_ resources: [TemplateResource], parameters: [String] = [], transform: Bool = false) -> Template {
        var template = Template()
        template.resources = resources
        template.parameters = parameters.map { TemplateParameter(name: $0, type: "String") }
        if transform { template.transforms = ["AWS::Serverless-2016-10-31"] }
        return template
    }

    static func command(_ template: Template, _ environment: Environment) -> DeployCommand {
        DeployCommand(template: template, deployedName: environment.deployedName(of: "app"), environment: environment,
                      templatePath: "out/app.yaml", parameterFilePath: "out/app.parameters.json")
    }

    @Test func capabilitiesFollowTheResources() {
        let role = TemplateResource(logicalID: "R", type: "AWS::IAM::Role")
        let named = TemplateResource(logicalID: "R", type: "AWS::IAM::Role", properties: ["RoleName": "fixed"])
        let samFunction = TemplateResource(logicalID: "F", type: "AWS::Serverless::Function")
        let topic = TemplateResource(logicalID: "T", type: "AWS::SNS::Topic")
        #expect(Self.command(Self.template([topic]), .default).capabilities == [])
        #expect(Self.command(Self.template([role]), .default).capabilities == ["CAPABILITY_IAM"])
        #expect(Self.command(Self.template([named]), .default).capabilities == ["CAPABILITY_NAMED_IAM"])
        #expect(Self.command(Self.template([samFunction], transform: true), .default).capabilities == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    }

    @Test func aCompleteEnvironmentDeploysFromTheParameterFile() {
        let environment = Environment("prod", region: "ca-central-1", nameSuffix: "-prod", parameters: ["VpcId": "vpc-1", "SubnetIds": "subnet-a,subnet-b"])
        let command = Self.command(Self.template([TemplateResource(logicalID: "T", type: "AWS::SNS::Topic")], parameters: ["VpcId", "SubnetIds"]), environment)
        #expect(command.parameterFile == "[\n  \"VpcId=vpc-1\",\n  \"SubnetIds=subnet-a,subnet-b\"\n]\n")
        #expect(command.shellCommand == """
            aws cloudformation deploy \\
                --stack-name app-prod \\
                --template-file out/app.yaml \\
                --region ca-central-1 \\
                --parameter-overrides file://out/app.parameters.json
            """)
    }

    @Test func missingValuesArePlaceholdersToFillIn() {
        let environment = Environment("dev", parameters: ["VpcId": "vpc 1"])
        let command = Self.command(Self.template([TemplateResource(logicalID: "T", type: "AWS::SNS::Topic")], parameters: ["VpcId", "SubnetIds"]), environment)
        #expect(command.missingParameters == ["SubnetIds"])
        #expect(command.shellCommand.hasSuffix("--parameter-overrides 'VpcId=vpc 1' SubnetIds=<SubnetIds>"))
    }
}

import CloudFormation
import Testing

/// Cases that planted bugs once slipped past (see scripts/mutate and scripts/mutations/).
@Suite("Cross-stack export names and IAM capabilities")
struct CrossStackAndCapabilityMutationTests {
    /// A dotted attribute (`Endpoint.Address`) becomes `-` in the export name: CloudFormation
    /// allows only alphanumerics, colons and hyphens in export names.
    @Test func aDottedAttributeHasNoDotInItsExportName() {
        let app = App("db") { app in
            let data = app.stack("db-data")
            let cluster = data.add(RawResource("Cluster", type: "AWS::RDS::DBCluster"))
            let consumer = app.stack("db-app")
            consumer.add(RawResource("Host", type: "AWS::SSM::Parameter",
                                     properties: ["Type": "String", "Value": cluster.attribute("Endpoint.Address").raw]))
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.relativePath, $0.contents) })
        let producer = files["db-data.yaml"] ?? "", consumer = files["db-app.yaml"] ?? ""
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(consumer.contains("!ImportValue db-data-Cluster-Endpoint-Address"), "\(consumer)")
        #expect(producer.contains("Name: db-data-Cluster-Endpoint-Address"), "\(producer)")
        #expect(!(producer + consumer).contains("Cluster-Endpoint.Address"))
    }

    static func capabilities(_ resources: [TemplateResource]) -> [String] {
        var template = Template()
        template.resources = resources
        return DeployCommand(template: template, deployedName: "app", environment: .default,
                             templatePath: "out/app.yaml", parameterFilePath: "out/app.parameters.json").capabilities
    }

    /// Every IAM name property makes the resource named, which needs CAPABILITY_NAMED_IAM.
    @Test(arguments: [
        ("AWS::IAM::Role", "RoleName"),
        ("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
        ("AWS::IAM::User", "UserName"),
        ("AWS::IAM::Group", "GroupName"),
        ("AWS::IAM::InstanceProfile", "InstanceProfileName"),
    ])
    func aNamedIAMResourceNeedsNamedIAM(_ type: String, _ nameProperty: String) {
        #expect(Self.capabilities([TemplateResource(logicalID: "R", type: type, properties: [nameProperty: "fixed"])]) == ["CAPABILITY_NAMED_IAM"])
        #expect(Self.capabilities([TemplateResource(logicalID: "R", type: type)]) == ["CAPABILITY_IAM"])
    }
}

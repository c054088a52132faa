import CloudFormation
import Testing

@Suite("References across stacks become exports and imports")
struct CrossStackTests {
    static let app = App("shop", environments: [Environment("prod"), Environment("dev", nameSuffix: "-dev")]) { app in
        let data = app.stack("shop-data")
        let queue = data.add(RawResource("Orders", type: "AWS::SQS::Queue"))
        let processing = app.stack("shop-processing")
        processing.add(RawResource("QueueArn", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.attribute("Arn").raw]))
        processing.add(RawResource("QueueUrl", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.ref.raw]))
        processing.add(RawResource("QueueSub", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": ("\(queue.attribute("Arn"))/x" as Value<String>).raw]))
    }

    private func run(_ environment: String) -> SynthesisPipeline.Result {
        let environment = Self.app.environment(named: environment) ?? .default
        return SynthesisPipeline(app: Self.app, files: SourceFiles(root: "/nonexistent"), environment: environment, command: "infra synth").run()
    }

    @Test func producerExportsAndConsumerImports() throws {
        let result = run("prod")
        #expect(result.diagnostics == [])
        #expect(result.deploymentOrder == ["shop-data", "shop-processing"])
        #expect(result.dependencies == ["shop-processing": ["shop-data"]])
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.relativePath, $0.contents) })
        try Golden.assertMatches(files["shop-data.yaml"] ?? "", fixture: "cross-stack-producer")
        try Golden.assertMatches(files["shop-processing.yaml"] ?? "", fixture: "cross-stack-consumer")
    }

    @Test func exportNamesFollowTheEnvironmentsDeployedStackName() {
        let result = run("dev")
        #expect(result.files.filter(\.isTemplate).map(\.relativePath) == ["dev/shop-data.yaml", "dev/shop-processing.yaml"])
        let consumer = result.files.filter(\.isTemplate).last?.contents ?? ""
        #expect(consumer.contains("!ImportValue shop-data-dev-Orders-Arn"))
    }

    @Test func stacksThatImportFromEachOtherAreACycle() {
        let app = App("loop") { app in
            let a = app.stack("a")
            let b = app.stack("b")
            let first = a.add(RawResource("First", type: "Custom::Fixture"))
            let second = b.add(RawResource("Second", type: "Custom::Fixture", properties: ["Uses": first.ref.raw]))
            first.addPropertyOverride("Uses", second.ref.raw)
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        #expect(result.diagnostics.map(\.description) == [
            "error: a, b: the stacks import from each other in a cycle (a -> b); CloudFormation cannot deploy any of them first",
        ])
    }

    @Test func twoSynthesesAreByteIdentical() {
        #expect(run("prod").files == run("prod").files)
    }
}

import CloudFormation
import Foundation
import Testing

@Suite("SHA-256 against the NIST vectors")
struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesHashLikeTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        for split in [0, 1, 55, 56, 63, 64, 65, 500, 999] {
            var hasher = SHA256()
            hasher.update(bytes[..<split])
            hasher.update(bytes[split...])
            #expect(hasher.finalizeHex() == SHA256.hex(bytes))
        }
    }
}

/// A scratch project with the given files (path -> contents).
func scratchProject(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("packaging-tests-\(UUID().uuidString)")
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return root.path
}

@Suite("Content hashes of code folders")
struct CodeAssetTests {
    @Test func theHashIsStableAndIgnoresBuildLeftovers() throws {
        let root = try scratchProject(["fn/a.py": "a", "fn/lib/b.py": "b"])
        let first = try CodeAsset.digestFolder(root: root, "fn")
        #expect(first.files == ["a.py", "lib/b.py"])
        #expect(first.hash.hasPrefix("sha256:") && first.hash.count == 71)
        // Leftovers of a run on one machine do not count.
        _ = try scratchProject([:])
        try FileManager.default.createDirectory(atPath: root + "/fn/__pycache__", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/fn/__pycache__/a.cpython-313.pyc"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/fn/.DS_Store"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/fn/lib/c.pyc"))
        #expect(try CodeAsset.digestFolder(root: root, "fn/") == first)
    }

    @Test func contentNamesAndTheExecuteBitChangeTheHash() throws {
        let root = try scratchProject(["fn/a.py": "a"])
        let before = try CodeAsset.digestFolder(root: root, "fn").hash
        try Data("a2".utf8).write(to: URL(fileURLWithPath: root + "/fn/a.py"))
        let edited = try CodeAsset.digestFolder(root: root, "fn").hash
        #expect(edited != before)
        #expect(chmod(root + "/fn/a.py", 0o755) == 0)
        #expect(try CodeAsset.digestFolder(root: root, "fn").hash != edited)
        try FileManager.default.moveItem(atPath: root + "/fn/a.py", toPath: root + "/fn/b.py")
        #expect(try CodeAsset.digestFolder(root: root, "fn").hash != edited)
    }

    @Test func aLinkInsideIsFollowedALinkOutsideIsRefused() throws {
        let root = try scratchProject(["fn/a.py": "a", "secret.txt": "s"])
        try FileManager.default.createSymbolicLink(atPath: root + "/fn/alias.py", withDestinationPath: "a.py")
        #expect(try CodeAsset.digestFolder(root: root, "fn").files == ["a.py", "alias.py"])
        try FileManager.default.createSymbolicLink(atPath: root + "/fn/leak.txt", withDestinationPath: "../secret.txt")
        #expect(throws: CodeAsset.Problem.self) { try CodeAsset.digestFolder(root: root, "fn") }
        do {
            _ = try CodeAsset.digestFolder(root: root, "fn")
        } catch {
            #expect(error.description.hasPrefix("'fn/leak.txt' is a symbolic link to '"))
            #expect(error.description.contains("outside the code folder"))
        }
    }

    @Test func aLinkLoopIsRefused() throws {
        let root = try scratchProject(["fn/sub/a.py": "a"])
        try FileManager.default.createSymbolicLink(atPath: root + "/fn/sub/up", withDestinationPath: "..")
        do {
            _ = try CodeAsset.digestFolder(root: root, "fn")
            Issue.record("a loop was hashed")
        } catch {
            #expect(error == .linkLoop("fn/sub/up"))
        }
    }

    @Test func badPathsAreNamed() throws {
        let root = try scratchProject(["fn/a.py": "a", "code.zip": "zip"])
        #expect(throws: CodeAsset.Problem.notFound("nope")) { try CodeAsset.digestFolder(root: root, "nope") }
        #expect(throws: CodeAsset.Problem.notAFolder("code.zip")) { try CodeAsset.digestFolder(root: root, "code.zip") }
        #expect(throws: CodeAsset.Problem.outsideRoot("../fn")) { try CodeAsset.digestFolder(root: root, "../fn") }
        #expect(throws: CodeAsset.Problem.outsideRoot("/etc")) { try CodeAsset.digestFolder(root: root, "/etc") }
        #expect(throws: CodeAsset.Problem.notAFile("fn")) { try CodeAsset.digestFile(root: root, "fn") }
        #expect(try CodeAsset.digestFile(root: root, "code.zip").hash == "sha256:" + SHA256.hex(Array("zip".utf8)))
    }

    @Test func pathsRelativeToTheTemplatesFolder() {
        #expect(CodeAsset.relativePath("templates/fn", from: "out") == "../templates/fn")
        #expect(CodeAsset.relativePath("templates/fn", from: "out/dev") == "../../templates/fn")
        #expect(CodeAsset.relativePath("examples/nested/templates/w", from: "examples/nested/out") == "../templates/w")
        #expect(CodeAsset.relativePath("out/app.Child.yaml", from: "out") == "app.Child.yaml")
        #expect(CodeAsset.relativePath("templates/fn", from: "./build/../out/") == "../templates/fn")
    }
}

@Suite("Nested stacks: references across the boundary become parameters and outputs")
struct NestedStackTests {
    static let app = App("shop", environments: [Environment("prod", region: "eu-west-1", artifactBucket: "shop-artifacts")]) { app in
        let root = app.stack("shop")
        let network = root.parameter("SubnetIds", .subnetIDs, description: "Subnets")
        let topic = root.add(RawResource("Topic", type: "AWS::SNS::Topic"))
        var queue: RawResource?
        root.nested("Orders") { child in
            queue = child.add(RawResource("Queue", type: "AWS::SQS::Queue"))
            child.add(RawResource("TopicArn", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": topic.ref.raw]))
            child.add(RawResource("Subnets", type: "AWS::SSM::Parameter", properties: ["Type": "StringList", "Value": Fn.join(",", network).raw]))
        }
        guard let queue else { return }
        root.add(RawResource("QueueArn", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.attribute("Arn").raw]))
        root.nested("Billing") { child in
            child.nested("Deep") { grandchild in
                grandchild.add(RawResource("QueueUrl", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.ref.raw]))
            }
        }
    }

    private func run(_ app: App = Self.app) -> SynthesisPipeline.Result {
        SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: app.allEnvironments[0], command: "infra synth").run()
    }

    private func file(_ result: SynthesisPipeline.Result, _ path: String) -> String {
        result.files.first { $0.relativePath == path }?.contents ?? ""
    }

    @Test func childTemplatesAreWrittenBesideTheParent() {
        let result = run()
        #expect(result.diagnostics == [])
        #expect(result.files.map(\.relativePath) == [
            "shop.yaml", "shop.parameters.json", "shop.Orders.yaml", "shop.Billing.yaml", "shop.Billing.Deep.yaml",
        ])
        #expect(file(result, "shop.yaml").contains("      TemplateURL: shop.Orders.yaml\n"))
        #expect(file(result, "shop.Billing.yaml").contains("      TemplateURL: shop.Billing.Deep.yaml\n"))
    }

    @Test func parentToChildIsAParameterChildToParentAnOutput() {
        let result = run()
        let parent = file(result, "shop.yaml")
        let orders = file(result, "shop.Orders.yaml")
        // Down: the parent passes its resource and its (list) parameter.
        #expect(parent.contains("""
                  Parameters:
                    Topic: !Ref Topic
                    SubnetIds: !Join
                      - ','
                      - !Ref SubnetIds
            """))
        #expect(orders.contains("  Topic:\n    Type: String\n"))
        #expect(orders.contains("  SubnetIds:\n    Type: List<AWS::EC2::Subnet::Id>\n"))
        // Up: the child outputs its queue's ARN, the parent reads it.
        #expect(orders.contains("  QueueArn:\n    Description: Read by the parent stack (a reference across the nested stack's boundary)\n    Value: !GetAtt Queue.Arn\n"))
        #expect(parent.contains("Value: !GetAtt Orders.Outputs.QueueArn"))
    }

    @Test func aCousinIsReachedUpThenDown() {
        let result = run()
        let parent = file(result, "shop.yaml")
        let billing = file(result, "shop.Billing.yaml")
        let deep = file(result, "shop.Billing.Deep.yaml")
        #expect(file(result, "shop.Orders.yaml").contains("  Queue:\n    Description: Read by the parent"))
        #expect(parent.contains("      Parameters:\n        OrdersQueue: !GetAtt Orders.Outputs.Queue\n"))
        #expect(billing.contains("      Parameters:\n        OrdersQueue: !Ref OrdersQueue\n"))
        #expect(deep.contains("      Value: !Ref OrdersQueue\n"))
    }

    @Test func theDeployCommandPackagesFirst() {
        let result = run()
        #expect(result.deployCommands["shop.yaml"]?.shellCommand == """
            mkdir -p .infra-build/packaged
            aws cloudformation package \\
                --template-file out/shop.yaml \\
                --s3-bucket shop-artifacts \\
                --output-template-file .infra-build/packaged/shop.yaml \\
                --region eu-west-1
            aws cloudformation deploy \\
                --stack-name shop \\
                --template-file .infra-build/packaged/shop.yaml \\
                --s3-bucket shop-artifacts \\
                --region eu-west-1 \\
                --parameter-overrides SubnetIds=<SubnetIds>
            """)
        #expect(result.deployCommands["shop.Orders.yaml"] == nil)
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let app = App("deep") { app in
            var stack = app.stack("deep")
            for level in 1...(Quota.nestingDepth + 1) {
                stack = stack.nested("Level\(level)") { _ in }.child
            }
            stack.add(RawResource("Leaf", type: "AWS::SNS::Topic"))
        }
        let result = run(app)
        #expect(result.hasErrors)
        #expect(result.diagnostics.map(\.description).contains {
            $0.hasPrefix("error: deep/Level1/Level2/Level3/Level4/Level5/Level6: the stack is nested 6 levels deep; infra allows at most 5")
        })
    }

    @Test func aChildNamedLikeAFlavorFileIsAnError() {
        let app = App("clash") { app in
            let stack = app.stack("clash", flavors: [.cloudFormation, .sam])
            stack.add(RawResource("Topic", type: "AWS::SNS::Topic"))
            stack.nested("sam") { child in child.add(RawResource("Topic", type: "AWS::SNS::Topic")) }
        }
        let result = run(app)
        #expect(result.diagnostics.map(\.description).contains("error: clash/sam: its template would be written to clash.sam.yaml, the file of clash; rename the nested stack"))
    }

    @Test func limitsAreCheckedPerTemplate() {
        let app = App("big") { app in
            let stack = app.stack("big")
            for part in 0..<2 {
                stack.nested("Part\(part)") { child in
                    for index in 0..<300 { child.add(RawResource("Topic\(index)", type: "AWS::SNS::Topic")) }
                }
            }
        }
        // 600 resources in all, 300 per template: fine.
        #expect(!run(app).hasErrors)
        let tooMany = App("big") { app in
            app.stack("big").nested("Part") { child in
                for index in 0..<501 { child.add(RawResource("Topic\(index)", type: "AWS::SNS::Topic")) }
            }
        }
        #expect(run(tooMany).diagnostics.map(\.description).contains { $0.hasPrefix("error: big/Part: Resources: the stack has 501 resources") })
    }

    @Test func twoSynthesesAreByteIdentical() {
        #expect(run().files == run().files)
    }
}

@Suite("Templates over 51,200 bytes")
struct LargeTemplateTests {
    private func app(topics: Int, padding: Int) -> App {
        App("large") { app in
            let stack = app.stack("large")
            for index in 0..<topics {
                stack.add(RawResource("Topic\(index)", type: "AWS::SNS::Topic", properties: ["DisplayName": .string(String(repeating: "x", count: min(padding, 100))),
                    "Tags": .list((0..<(padding / 100)).map { tag in .object(["Key": .string("k\(tag)"), "Value": .string(String(repeating: "v", count: 200))]) })]))
            }
        }
    }

    private func run(_ app: App) -> SynthesisPipeline.Result {
        SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
    }

    @Test func overTheBodyLimitIsAWarningAndDeployUploadsTheTemplate() {
        let result = run(app(topics: 300, padding: 100))
        #expect(!result.hasErrors)
        let size = result.files.first?.contents.utf8.count ?? 0
        #expect(size > Quota.templateBodyBytes)
        #expect(result.diagnostics.map(\.description) == [
            "warning: large: the template is \(size) bytes, over the 51200 bytes CloudFormation takes in a request: the deploy command uploads it to S3 first (--s3-bucket)",
        ])
        #expect(result.deployCommands["large.yaml"]?.shellCommand == """
            aws cloudformation deploy \\
                --stack-name large \\
                --template-file out/large.yaml \\
                --s3-bucket <artifact-bucket>
            """)
    }

    @Test func overTheS3LimitIsAnErrorNamingTheLargestResources() {
        let result = run(app(topics: 300, padding: 2000))
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
        let message = result.diagnostics.first?.description ?? ""
        #expect(message.hasPrefix("error: large: the template is "))
        #expect(message.contains("bytes; CloudFormation accepts at most 1000000 bytes even from S3. The largest resources: Topic"))
        #expect(message.contains("Move resources into a nested stack"))
    }
}

@Suite("Nested stacks and other top-level stacks")
struct NestedCrossStackTests {
    private func run(_ app: App) -> SynthesisPipeline.Result {
        SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
    }

    @Test func aChildImportsFromAnotherTopLevelStackAndItsRootDeploysSecond() {
        let result = run(App("two") { app in
            let data = app.stack("data")
            let topic = data.add(RawResource("Topic", type: "AWS::SNS::Topic"))
            app.stack("processing").nested("Worker") { child in
                child.add(RawResource("TopicArn", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": topic.ref.raw]))
            }
        })
        #expect(result.diagnostics == [])
        #expect(result.deploymentOrder == ["data", "processing"])
        #expect(result.dependencies == ["processing": ["data"]])
        let child = result.files.first { $0.relativePath == "processing.Worker.yaml" }?.contents ?? ""
        #expect(child.contains("Value: !ImportValue data-Topic"))
    }

    @Test func anotherStackCannotReachIntoANestedStack() {
        let result = run(App("two") { app in
            var queue: RawResource?
            app.stack("data").nested("Queues") { child in queue = child.add(RawResource("Queue", type: "AWS::SQS::Queue")) }
            guard let queue else { return }
            app.stack("processing").add(RawResource("QueueArn", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.ref.raw]))
        })
        #expect(result.hasErrors)
        #expect(result.diagnostics.map(\.description).contains(
            "error: processing: QueueArn: Properties.Value: refers to 'Queue' of the nested stack 'data/Queues'; only the stacks of its tree ('data' and the stacks nested in it) can refer to its resources: declare the resource in 'data' itself to export it to other stacks"))
    }
}

@Suite("DependsOn across a nested-stack boundary")
struct NestedDependsOnTests {
    @Test func dependingOnANestedResourceDependsOnItsNestedStack() {
        let app = App("order") { app in
            let root = app.stack("root")
            var queue: RawResource?
            root.nested("Queues") { child in
                child.nested("Deep") { grandchild in queue = grandchild.add(RawResource("Queue", type: "AWS::SQS::Queue")) }
            }
            let topic = root.add(RawResource("Topic", type: "AWS::SNS::Topic"))
            if let queue { topic.addDependency(on: queue) }
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        #expect(result.diagnostics == [])
        #expect(result.files.first?.contents.contains("  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: Queues\n") == true)
    }
}

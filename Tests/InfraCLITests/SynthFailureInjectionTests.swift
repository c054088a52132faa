// Failures synth cannot see coming, injected through OutputDirectory's test seam (internal
// API): a rename that fails midway, as `out/dev` on another file system would.
import CloudFormation
import Foundation
@testable import InfraCLI
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension CLITests {
    /// Fails the `failing`-th rename with `code`; the others go through.
    static func withFailingRename(_ failing: Int, _ code: Int32, _ body: () -> Void) {
        var count = 0
        OutputDirectory.renameForTesting = { source, target in
            count += 1
            return count == failing ? code : renameReplacing(source, target)
        }
        defer { OutputDirectory.renameForTesting = nil }
        body()
    }

    @Test(arguments: [1, 2, 5])
    func aRenameThatFailsMidwayRestoresEveryFile(failing: Int) throws {
        let project = try Project()
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        // Every file stale, one new environment file missing, one obsolete file to remove.
        for name in ["a-stack.yaml", "b-stack.yaml", "dev/a-stack.yaml", "dev/b-stack.parameters.json"] {
            try project.write(name, "# old \(name)\n")
        }
        try FileManager.default.removeItem(at: project.out.appendingPathComponent("dev/b-stack.yaml"))
        try project.write("gone.yaml", generatedLooking)
        let before = project.snapshot()
        var code: Int32 = 0
        Self.withFailingRename(failing, EXDEV) {
            code = run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path])
        }
        #expect(code == 2)
        #expect(project.snapshot() == before)
        #expect(project.leftovers() == [])
        // And the next run writes it all.
        #expect(run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path]) == 0)
        #expect(run(Self.twoEnvironmentApp, ["synth", "--check", "--root", project.root.path]) == 0)
        #expect(project.read("gone.yaml") == nil)
    }

    @Test func aFailedFirstWriteLeavesNoOutputDirectoryBehind() throws {
        let project = try Project()
        var code: Int32 = 0
        Self.withFailingRename(2, EXDEV) {
            code = run(Self.twoEnvironmentApp, ["synth", "--root", project.root.path])
        }
        #expect(code == 2)
        #expect(!FileManager.default.fileExists(atPath: project.out.path))
    }

    @Test func deployInstructionsNameTheFlavorAndShowTheOtherAsAnAlternative() throws {
        let app = App("demo", stacks: [Stack("both", flavors: [.sam, .cloudFormation]) { $0.add(RawResource("Topic", type: "AWS::SNS::Topic")) }])
        var pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth")
        pipeline.today = CalendarDate(2026, 1, 1)
        let result = pipeline.run()
        let instructions = DeployInstructions(result: result, environmentPrefixes: [""], orders: ["": result.deploymentOrder])
        #expect(instructions.steps.count == 1)
        // The stack's first flavor is the step.
        #expect(instructions.steps.first?.flavor == .sam)
        #expect(instructions.steps.first?.alternatives.map(\.flavor) == [.cloudFormation])
        #expect(instructions.text.contains("# 1. both: the SAM flavor\naws cloudformation deploy \\\n    --stack-name both \\\n    --template-file out/both.sam.yaml"))
        #expect(instructions.text.contains("#   aws cloudformation deploy \\\n#       --stack-name both \\\n#       --template-file out/both.yaml"))
    }
}

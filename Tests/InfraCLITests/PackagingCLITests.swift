// Issue 15 through the CLI: nested stacks' files in out/, folder code, and `synth --check` of a
// copy of out/ outside the root. In CLITests' serialized suite: the app registry is process-wide.
import CloudFormation
import AWSResources
import Foundation
@testable import InfraCLI
import Testing

extension CLITests {
    static let packagedApp = App("packaged", stacks: [
        Stack("app") { stack in
            stack.add(Function("Worker", runtime: .python3_13, handler: "handler.handle", code: .folder("templates/worker")))
            stack.nested("Queues") { child in child.add(RawResource("Queue", type: "AWS::SQS::Queue")) }
        },
    ])

    @Test func synthWritesNestedTemplatesAndPrintsPackageCommands() throws {
        let project = try Project()
        let code = project.root.appendingPathComponent("templates/worker")
        try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
        try Data("def handle(e, c): pass\n".utf8).write(to: code.appendingPathComponent("handler.py"))
        var code0: Int32 = -1
        let printed = capturingStandardOutput { code0 = run(Self.packagedApp, ["synth", "--root", project.root.path]) }
        #expect(code0 == 0)
        #expect(project.read("app.Queues.yaml")?.contains("AWS::SQS::Queue") == true)
        #expect(project.read("app.yaml")?.contains("      Code: ../templates/worker/\n") == true)
        #expect(printed.contains("aws cloudformation package \\\n    --template-file out/app.yaml \\\n    --s3-bucket <artifact-bucket> \\\n    --output-template-file .infra-build/packaged/app.yaml\n"))
        #expect(printed.contains("aws cloudformation deploy \\\n    --stack-name app \\\n    --template-file .infra-build/packaged/app.yaml \\\n    --s3-bucket <artifact-bucket> \\\n    --capabilities CAPABILITY_IAM"))
        // A copy of out/ outside the root is compared as if it were out/: up to date.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("infra-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: project.out, to: copy)
        #expect(run(Self.packagedApp, ["synth", "--check", "--root", project.root.path, "--out", copy.path]) == 0)
        // A nested stack the app no longer has is obsolete, and removed.
        try project.write("app.Old.yaml", GeneratedFile.header(command: "x") + "\nResources: {}\n")
        #expect(run(Self.packagedApp, ["synth", "--root", project.root.path]) == 0)
        #expect(project.read("app.Old.yaml") == nil)
        #expect(project.read("app.Queues.yaml") != nil)
    }

    @Test func aMissingCodeFolderIsExitTwoAndNothingIsWritten() throws {
        let project = try Project()
        var code: Int32 = -1
        _ = capturingStandardOutput { code = run(Self.packagedApp, ["synth", "--root", project.root.path]) }
        #expect(code == 2)
        #expect(project.read("app.yaml") == nil)
        #expect(project.read("app.Queues.yaml") == nil)
    }
}

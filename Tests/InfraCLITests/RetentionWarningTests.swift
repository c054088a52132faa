import CloudFormation
import Foundation
@testable import InfraCLI
import Testing

/// `infra validate` warns when a stateful resource loses the Retain its committed template has.
@Suite struct RetentionWarningTests {
    private static func app(retained: Bool) -> App {
        App("app", stacks: [Stack("data") { stack in
            let bucket = stack.add(RawResource("Avatars", type: "AWS::S3::Bucket"))
            if retained { bucket.deletionPolicy = .retain }
        }])
    }

    @Test func droppingRetainFromACommittedTemplateIsAWarning() throws {
        let project = try TempProject()
        let committed = SynthesisPipeline(app: Self.app(retained: true), files: SourceFiles(root: project.root.path),
                                          environment: .default, command: "infra synth").run()
        for file in committed.files { try project.write(file.relativePath, file.contents) }

        let fresh = SynthesisPipeline(app: Self.app(retained: false), files: SourceFiles(root: project.root.path),
                                      environment: .default, command: "infra synth").run()
        let warnings = ValidateCommand.retentionWarnings(fresh, outDirectory: project.out.path)
        #expect(warnings.map(\.description) == [
            "warning: data: Avatars: DeletionPolicy changes from Retain to Delete (the default): removing the resource from the stack, or deleting the stack, will then delete the AWS::S3::Bucket and its objects. Keep Retain, or accept it with --allow-replacement Avatars. (compared with data.yaml in the output directory)",
        ])
        #expect(ValidateCommand.retentionWarnings(committed, outDirectory: project.out.path).isEmpty)
    }
}

// `infra diff` compares the synthesized templates through the node trees they were emitted
// from, not by parsing the emitted text again: both must give the same document.
import CloudFormation
import Cruddur
import Foundation
import InfraYAML
import Testing
import TemplateDiff

@Suite("A synthesized template's tree reads as its text does")
struct DiffTreeTests {
    @Test(arguments: [0, 1], cruddurApp.allEnvironments.map(\.name))
    func treeAndTextGiveOneDocument(app index: Int, environment name: String) throws {
        let (app, command, out) = OutDirectoryGoldenTests.apps[index]
        let environment = try #require(app.environment(named: name))
        var pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: OutDirectoryGoldenTests.root.path), environment: environment, command: command)
        pipeline.outDirectoryName = out
        pipeline.keepsTemplateTrees = true
        let result = pipeline.run()
        let templates = result.files.filter(\.isTemplate)
        #expect(!templates.isEmpty)
        for file in templates {
            let tree = try #require(result.trees[file.relativePath])
            #expect(try TemplateDocument(tree: tree) == TemplateDocument(text: file.contents), "\(file.relativePath)")
        }
    }

    @Test func treesAreKeptOnlyWhenAsked() throws {
        let environment = try #require(cruddurApp.environment(named: nil))
        let result = SynthesisPipeline(app: cruddurApp, files: SourceFiles(root: OutDirectoryGoldenTests.root.path), environment: environment, command: "x").run()
        #expect(!result.files.isEmpty)
        #expect(result.trees.isEmpty)
    }

    /// Values whose written form differs from their text (numbers, booleans, quoted look-alikes,
    /// block text) normalize alike from the tree and from the text.
    @Test func scalarsOfEveryKindNormalizeAlike() throws {
        let tree = Node.mapping(try Mapping([
            ("Resources", .mapping(try Mapping([
                ("Queue", .mapping(try Mapping([
                    ("Type", .string("AWS::SQS::Queue")),
                    ("Properties", .mapping(try Mapping([
                        ("DelaySeconds", .scalar(Scalar("007", kind: .number))),
                        ("Flag", .scalar(Scalar("true", kind: .boolean))),
                        ("LooksLikeANumber", .string("12")),
                        ("LooksLikeABoolean", .string("yes")),
                        ("Nothing", .null),
                        ("Text", .string("line one\nline two\n")),
                        ("Ref", .string("Other", tag: Tag("!Ref"))),
                    ]))),
                ]))),
            ]))),
        ]))
        let text = try Emitter().emit(tree)
        #expect(try TemplateDocument(tree: tree) == TemplateDocument(text: text))
    }
}

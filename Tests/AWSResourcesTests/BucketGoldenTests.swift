// Golden templates of buckets, in Fixtures/bucket/ (checked with cfn-lint: see the README's
// bucket section). Re-record with
//     INFRA_RECORD=1 swift test --filter BucketGoldenTests
import AWSResources
import CloudFormation
import Foundation
import InfraYAML
import Testing

@Suite struct BucketGoldenTests {
    /// A bucket with every default and nothing else.
    static let minimal = Stack("bucket-minimal") { stack in
        stack.add(Bucket("Uploads"))
    }

    /// The avatar-upload case: a versioned bucket whose uploads trigger a function that
    /// reads them and writes thumbnails back, with lifecycle rules for both.
    static let uploads = Stack("bucket-uploads", description: "Avatar uploads and their thumbnailer") { stack in
        let avatars = stack.add(Bucket("Avatars", versioned: true, lifecycleRules: [
            LifecycleRule(id: "expire-uploads", prefix: "uploads/", expirationDays: 30, abortIncompleteMultipartUploadDays: 1),
            LifecycleRule(id: "age-thumbnails", prefix: "thumbnails/", transitions: [Transition(to: .standardIA, afterDays: 90)]),
            LifecycleRule(id: "old-versions", noncurrentVersionExpirationDays: 30, noncurrentVersionsToRetain: 2),
        ], tags: ["app": "cruddur"]))
        let thumbnailer = stack.add(Function("Thumbnailer", runtime: .python3_13, handler: "index.lambda_handler",
                                             code: .inline(file: "bucket/templates/thumbnailer/index.py")))
        avatars.notify(on: .objectCreated, prefix: "uploads/", suffix: ".jpg", thumbnailer)
        avatars.grantRead(thumbnailer, prefix: "uploads/")
        avatars.grantPut(thumbnailer, prefix: "thumbnails/")
        stack.output("BucketName", avatars.name)
        stack.output("BucketArn", avatars.arn)
        stack.output("BucketDomainName", avatars.regionalDomainName)
    }

    /// A named bucket encrypted with a customer key, granted to a role.
    static let kms = Stack("bucket-kms") { stack in
        let key = stack.add(RawResource("MediaKey", type: "AWS::KMS::Key", properties: [
            "EnableKeyRotation": true,
            "KeyPolicy": [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "AccountAdministersTheKey",
                    "Effect": "Allow",
                    "Principal": ["AWS": Value<String>("arn:\(AWS.partition):iam::\(AWS.accountID):root").raw],
                    "Action": "kms:*",
                    "Resource": "*",
                ]],
            ],
        ]))
        key.deletionPolicy = .retain
        key.updateReplacePolicy = .retain
        let media = stack.add(Bucket("Media", bucketName: "cruddur-media-example", encryption: .kms(keyARN: key.attribute("Arn"))))
        let role = stack.add(Role("Editor", assumedBy: .lambda))
        media.grantReadWrite(role, prefix: "drafts/")
        media.grantDelete(role, prefix: "trash/")
    }

    static let all = [minimal, uploads, kms]

    @Test(arguments: all.map(\.name))
    func rendersFixture(_ name: String) throws {
        let stack = try #require(Self.all.first { $0.name == name })
        let result = Synthesizer(files: SourceFiles(root: Golden.directory.path), today: synthesisDay).synthesize(stack, flavor: .cloudFormation)
        let diagnostics = result.diagnostics + Validator.validate(result.template, stack: stack.name, reported: result.diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        try Golden.assertMatches(Golden.render(result.template), fixture: "bucket/" + name)
    }

    @Test func everyBucketFixtureHasAStack() throws {
        let folder = Golden.directory.appendingPathComponent("bucket").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.all.map { $0.name + ".yaml" }))
    }

    /// Only the TLS-only Deny names a wildcard action (`s3:*`, denied), and no Allow names `*`
    /// as its resource.
    @Test(arguments: all.map(\.name))
    func allowsAreExact(_ name: String) throws {
        guard !Golden.isRecording else { return }
        let text = try #require(Golden.read("bucket/" + name))
        for statement in StatementWalker.statements(in: try Parser.parse(text)) {
            let effect = statement["Effect"]?.scalarText
            let actions = StatementWalker.strings(statement["Action"])
            if effect == "Deny" {
                #expect(actions == ["s3:*"] && statement["Sid"]?.scalarText == "DenyInsecureTransport")
            } else if statement["Sid"]?.scalarText != "AccountAdministersTheKey" {
                #expect(actions.allSatisfy { !$0.contains("*") }, "\(name): \(actions)")
                #expect(!StatementWalker.strings(statement["Resource"]).contains("*"), "\(name)")
            }
        }
    }
}

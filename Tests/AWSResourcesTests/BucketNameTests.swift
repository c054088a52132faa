import AWSResources
import CloudFormation
import Testing

/// S3's naming rules for general purpose buckets, each with its diagnostic (stack, resource,
/// property), and the KMS key rule.
@Suite struct BucketNameTests {
    static func named(_ name: Value<String>) -> Synthesized {
        validate { stack in stack.add(Bucket("Uploads", bucketName: name)) }
    }

    @Test(arguments: [
        ("ab", "has 2 characters; it needs 3 to 63"),
        (String(repeating: "a", count: 64), "has 64 characters; it needs 3 to 63"),
        ("My-Bucket", "contains 'M'; only lowercase letters, digits, '.' and '-' are allowed"),
        ("my_bucket", "contains '_'; only lowercase letters, digits, '.' and '-' are allowed"),
        ("-bucket", "must begin and end with a lowercase letter or a digit"),
        ("bucket.", "must begin and end with a lowercase letter or a digit"),
        ("my..bucket", "has two adjacent periods"),
        ("192.168.5.4", "is formatted as an IP address"),
        ("xn--bucket", "starts with 'xn--', which S3 reserves"),
        ("sthree-bucket", "starts with 'sthree-', which S3 reserves"),
        ("sthree-configurator-x", "starts with 'sthree-', which S3 reserves"),
        ("amzn-s3-demo-bucket", "starts with 'amzn-s3-demo-', which S3 reserves"),
        ("bucket-s3alias", "ends with '-s3alias', which S3 reserves"),
        ("bucket--ol-s3", "ends with '--ol-s3', which S3 reserves"),
        ("bucket.mrap", "ends with '.mrap', which S3 reserves"),
        ("bucket--x-s3", "ends with '--x-s3', which S3 reserves"),
        ("bucket--table-s3", "ends with '--table-s3', which S3 reserves"),
    ])
    func aBrokenRuleIsReportedOnce(name: String, problem: String) {
        let result = Self.named(Value(name))
        let shown = Diagnostic.abbreviated(name)
        #expect(result.messages == ["error Uploads Properties.BucketName: bucket name '\(shown)' \(problem)"])
        #expect(result.errors.first?.stack == "test")
    }

    @Test(arguments: ["abc", "cruddur-avatars", "logs.example.com", "1bucket9", "192.168.5.bucket", "xn-single-hyphen", "s3alias", String(repeating: "a", count: 63)])
    func aValidNameHasNoDiagnostic(name: String) {
        let result = Self.named(Value(name))
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aNameGivenAtDeployIsLeftToS3() {
        let result = validate { stack in
            let name = stack.parameter("BucketName", .string, description: "The bucket's name.")
            stack.add(Bucket("Uploads", bucketName: name))
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    /// The app-wide check of fixed names (from the catalog's physical-name property) covers buckets.
    @Test func twoBucketsWithOneNameAreReported() {
        let app = App("app") { app in
            app.stack("one").add(Bucket("Uploads", bucketName: "cruddur-uploads"))
            app.stack("two").add(Bucket("Copies", bucketName: "cruddur-uploads"))
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: repositoryRoot), environment: .default, command: "infra synth").run()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("cruddur-uploads") == true)
    }

    @Test func aKMSKeyMustBeAnARN() {
        let path = "Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID"
        let byID = synthesize { stack in stack.add(Bucket("Uploads", encryption: .kms(keyARN: "1234abcd-12ab-34cd-56ef-1234567890ab"))) }
        #expect(byID.messages == ["error Uploads \(path): the KMS key '1234abcd-12ab-34cd-56ef-1234567890ab' is not a key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); grants on the bucket name the key by ARN, which an ID or alias cannot stand for"])
        let byAlias = synthesize { stack in stack.add(Bucket("Uploads", encryption: .kms(keyARN: "arn:aws:kms:us-east-1:111122223333:alias/media"))) }
        #expect(byAlias.errors.count == 1)
        let byRef = synthesize { stack in
            let key = stack.add(RawResource("MediaKey", type: "AWS::KMS::Key", properties: [:]))
            stack.add(Bucket("Uploads", encryption: .kms(keyARN: key.ref)))
        }
        #expect(byRef.messages == ["error Uploads \(path): !Ref MediaKey is the key's ID, not its ARN; use its Arn attribute (CfnKey.attrArn)"])
        let byAttribute = synthesize { stack in
            let key = stack.add(RawResource("MediaKey", type: "AWS::KMS::Key", properties: [:]))
            stack.add(Bucket("Uploads", encryption: .kms(keyARN: key.attribute("Arn"))))
        }
        #expect(byAttribute.diagnostics.isEmpty, "\(byAttribute.messages)")
    }
}

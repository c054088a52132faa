import AWSResources
import CloudFormation
import Testing

/// Each grant's exact statements: actions, resources, conditions and Sids.
@Suite struct BucketGrantTests {
    static let keyARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    /// A bucket and a role, and the grants `grant` makes.
    static func granting(versioned: Bool = false, encryption: BucketEncryption = .s3Managed, _ grant: @escaping @Sendable (Bucket, Role) -> Void) -> Synthesized {
        validate { stack in
            let bucket = stack.add(Bucket("Media", encryption: encryption, versioned: versioned))
            let role = stack.add(Role("App", assumedBy: .lambda))
            grant(bucket, role)
        }
    }

    static func statements(_ result: Synthesized) -> [TemplateValue] {
        GrantTests.statements(result)
    }

    static let bucketARN = TemplateValue.getAtt("Media", "Arn")
    /// `!Sub '${Media.Arn}/<pattern>'`.
    static func objects(_ pattern: String) -> TemplateValue {
        Value<String>("\(Value<String>(unchecked: bucketARN))/\(pattern)").raw
    }
    static let viaS3: TemplateValue = ["StringEquals": ["kms:ViaService": Value<String>("s3.\(AWS.region).\(AWS.urlSuffix)").raw]]

    @Test func readIsGetObjectOnTheObjectsAndListBucketOnTheBucket() {
        let result = Self.granting { $0.grantRead($1) }
        #expect(Self.statements(result) == [
            ["Sid": "ReadMedia", "Effect": "Allow", "Action": "s3:GetObject", "Resource": Self.objects("*")],
            ["Sid": "ListMedia", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": Self.bucketARN],
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func readOfAPrefixListsOnlyThatPrefix() {
        let result = Self.granting { $0.grantRead($1, prefix: "uploads/") }
        #expect(Self.statements(result) == [
            ["Sid": "ReadMediaUploads", "Effect": "Allow", "Action": "s3:GetObject", "Resource": Self.objects("uploads/*")],
            ["Sid": "ListMediaUploads", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": Self.bucketARN,
             "Condition": ["StringLike": ["s3:prefix": "uploads/*"]]],
        ])
    }

    @Test func readOfAVersionedBucketReadsVersions() {
        let result = Self.granting(versioned: true) { $0.grantRead($1) }
        #expect(Self.statements(result).first == ["Sid": "ReadMedia", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"], "Resource": Self.objects("*")])
    }

    @Test func writeIsPutAbortAndDeleteOnTheObjectsOnly() {
        let result = Self.granting { $0.grantWrite($1) }
        #expect(Self.statements(result) == [
            ["Sid": "WriteMedia", "Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:PutObject"], "Resource": Self.objects("*")],
        ])
    }

    @Test func putIsPutAndAbort() {
        let result = Self.granting { $0.grantPut($1, prefix: "out/") }
        #expect(Self.statements(result) == [
            ["Sid": "PutMediaOut", "Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject"], "Resource": Self.objects("out/*")],
        ])
    }

    @Test func deleteIsDeleteObjectOnly() {
        // DeleteObjectVersion, which destroys a version for good, is never granted by a verb.
        let result = Self.granting(versioned: true) { $0.grantDelete($1, prefix: "tmp/") }
        #expect(Self.statements(result) == [
            ["Sid": "DeleteMediaTmp", "Effect": "Allow", "Action": "s3:DeleteObject", "Resource": Self.objects("tmp/*")],
        ])
    }

    @Test func readWriteIsOneObjectStatementAndTheListing() {
        let result = Self.granting { $0.grantReadWrite($1, prefix: "work/") }
        #expect(Self.statements(result) == [
            ["Sid": "ReadWriteMediaWork", "Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"], "Resource": Self.objects("work/*")],
            ["Sid": "ListMediaWork", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": Self.bucketARN,
             "Condition": ["StringLike": ["s3:prefix": "work/*"]]],
        ])
    }

    @Test func aCustomerKeyIsUsableOnlyThroughS3() {
        let result = Self.granting(encryption: .kms(keyARN: Value(Self.keyARN))) { bucket, role in
            bucket.grantRead(role)
            bucket.grantPut(role)
            bucket.grantDelete(role)
        }
        #expect(Self.statements(result) == [
            ["Sid": "ReadMedia", "Effect": "Allow", "Action": "s3:GetObject", "Resource": Self.objects("*")],
            ["Sid": "ListMedia", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": Self.bucketARN],
            ["Sid": "ReadMediaKey", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": .string(Self.keyARN), "Condition": Self.viaS3],
            ["Sid": "PutMedia", "Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject"], "Resource": Self.objects("*")],
            ["Sid": "PutMediaKey", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": .string(Self.keyARN), "Condition": Self.viaS3],
            ["Sid": "DeleteMedia", "Effect": "Allow", "Action": "s3:DeleteObject", "Resource": Self.objects("*")],
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func theAWSManagedKeyNeedsNoGrant() {
        let result = Self.granting(encryption: .awsManagedKMSKey) { $0.grantReadWrite($1) }
        #expect(Self.statements(result).count == 2)
    }

    @Test func namedActionsSplitByResource() {
        let result = Self.granting { bucket, role in
            bucket.grant(role, .getObjectTagging)
            bucket.grant(role, .listBucketVersions, .getObjectVersion, .getBucketLocation, prefix: "logs/")
        }
        #expect(Self.statements(result) == [
            ["Sid": "GetObjectTaggingMedia", "Effect": "Allow", "Action": "s3:GetObjectTagging", "Resource": Self.objects("*")],
            ["Sid": "AccessMediaLogs", "Effect": "Allow", "Action": "s3:GetObjectVersion", "Resource": Self.objects("logs/*")],
            ["Sid": "ListMediaLogs", "Effect": "Allow", "Action": "s3:ListBucketVersions", "Resource": Self.bucketARN,
             "Condition": ["StringLike": ["s3:prefix": "logs/*"]]],
            ["Sid": "AccessMediaLogsBucket", "Effect": "Allow", "Action": "s3:GetBucketLocation", "Resource": Self.bucketARN],
        ])
    }

    @Test func onlyBucketActionsMakeNoObjectStatement() {
        let result = Self.granting { $0.grant($1, .listBucket, prefix: "in/") }
        #expect(Self.statements(result) == [
            ["Sid": "ListMediaIn", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": Self.bucketARN, "Condition": ["StringLike": ["s3:prefix": "in/*"]]],
        ])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aGivenSidNamesTheStatements() {
        let result = Self.granting { $0.grantRead($1, sid: "Thumbnails") }
        #expect(Self.statements(result).compactMap { $0.fields?["Sid"] } == ["Thumbnails", "ListMedia"])
    }

    @Test func noGrantUsesAWildcardAction() {
        let result = Self.granting(versioned: true, encryption: .kms(keyARN: Value(Self.keyARN))) { bucket, role in
            bucket.grantReadWrite(role)
            for action in S3Action.allCases { bucket.grant(role, action) }
        }
        for statement in Self.statements(result) {
            let actions = statement.fields?["Action"].map { $0.items ?? [$0] } ?? []
            #expect(actions.allSatisfy { $0.literalString?.contains("*") == false }, "\(statement)")
        }
        #expect(result.warnings.isEmpty, "\(result.messages)")
    }

    @Test func aGrantToAFunctionGoesToItsRole() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Media"))
            let function = stack.add(Function("Thumbnailer", runtime: .python3_13, handler: "index.lambda_handler", code: .s3(bucket: "artifacts", key: "thumbnailer.zip")))
            bucket.grantRead(function, prefix: "in/")
        }
        let statements = GrantTests.statements(result, role: "ThumbnailerRole")
        #expect(statements.compactMap { $0.fields?["Sid"] } == ["WriteOwnLogs", "ReadMediaIn", "ListMediaIn"])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aGrantToAnImportedRoleIsAnError() {
        let result = synthesize { stack in
            let bucket = stack.add(Bucket("Media"))
            let function = stack.add(Function("Thumbnailer", runtime: .python3_13, handler: "index.lambda_handler", code: .s3(bucket: "artifacts", key: "t.zip"),
                                              role: .imported(arn: "arn:aws:iam::111122223333:role/thumbnailer")))
            bucket.grantPut(function)
        }
        #expect(result.errors.map(\.message).contains { $0.contains("PutMedia") && $0.contains("cannot be added") })
    }
}

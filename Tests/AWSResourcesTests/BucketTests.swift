import AWSResources
import CloudFormation
import Testing

/// The bucket's defaults, its settings and its attributes, property by property.
@Suite struct BucketTests {
    static func minimal() -> Synthesized {
        validate { stack in stack.add(Bucket("Uploads")) }
    }

    @Test func aMinimalBucketIsValidAndHasNoName() {
        let result = Self.minimal()
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.properties("Uploads")["BucketName"] == nil)
        #expect(result.template.resources.map(\.logicalID) == ["Uploads", "UploadsPolicy"])
    }

    @Test func publicAccessIsBlockedFourWays() {
        #expect(Self.minimal().properties("Uploads")["PublicAccessBlockConfiguration"] == [
            "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
        ])
    }

    @Test func aclsAreDisabled() {
        #expect(Self.minimal().properties("Uploads")["OwnershipControls"] == ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]])
    }

    @Test func encryptionIsSSES3ByDefault() {
        #expect(Self.minimal().properties("Uploads")["BucketEncryption"] == [
            "ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]],
        ])
    }

    @Test func kmsEncryptionTurnsTheBucketKeyOn() {
        let managed = synthesize { stack in stack.add(Bucket("Uploads", encryption: .awsManagedKMSKey)) }
        #expect(managed.properties("Uploads")["BucketEncryption"] == [
            "ServerSideEncryptionConfiguration": [["BucketKeyEnabled": true, "ServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms"]]],
        ])
        let customer = synthesize { stack in
            stack.add(Bucket("Uploads", encryption: .kms(keyARN: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")))
        }
        #expect(customer.properties("Uploads")["BucketEncryption"] == [
            "ServerSideEncryptionConfiguration": [[
                "BucketKeyEnabled": true,
                "ServerSideEncryptionByDefault": ["KMSMasterKeyID": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "SSEAlgorithm": "aws:kms"],
            ]],
        ])
        #expect(customer.diagnostics.isEmpty)
    }

    @Test func theBucketIsRetainedOnDeleteAndReplacement() {
        let resource = Self.minimal().template.resource("Uploads")
        #expect(resource?.deletionPolicy == .retain)
        #expect(resource?.updateReplacePolicy == .retain)
    }

    @Test func snapshotIsRefused() {
        let result = synthesize { stack in
            let bucket = stack.add(Bucket("Uploads"))
            bucket.deletionPolicy = .snapshot
            bucket.updateReplacePolicy = .snapshot
        }
        #expect(result.messages == [
            "error Uploads DeletionPolicy: an S3 bucket does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete",
            "error Uploads UpdateReplacePolicy: an S3 bucket does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete",
        ])
    }

    @Test func versioningIsOffUnlessAskedFor() {
        #expect(Self.minimal().properties("Uploads")["VersioningConfiguration"] == nil)
        let versioned = synthesize { stack in stack.add(Bucket("Uploads", versioned: true)) }
        #expect(versioned.properties("Uploads")["VersioningConfiguration"] == ["Status": "Enabled"])
    }

    @Test func thePolicyDeniesEverythingWithoutTLS() {
        let arn = TemplateValue.getAtt("Uploads", "Arn")
        let objects = Value<String>("\(Value<String>(unchecked: arn))/*").raw
        #expect(Self.minimal().properties("UploadsPolicy") == [
            "Bucket": .ref("Uploads"),
            "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "DenyInsecureTransport",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [arn, objects],
                    "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                ]],
            ],
        ])
    }

    @Test func thePolicySharesTheBucketsCondition() {
        let result = synthesize { stack in
            let production = stack.condition("IsProduction", Fn.equals(AWS.stackName, "prod"))
            let bucket = stack.add(Bucket("Uploads"))
            bucket.condition = production
        }
        #expect(result.template.resource("UploadsPolicy")?.condition == "IsProduction")
    }

    @Test func lifecycleRulesRenderTyped() {
        let result = validate { stack in
            stack.add(Bucket("Uploads", versioned: true, lifecycleRules: [
                LifecycleRule(id: "tmp", prefix: "tmp/", expirationDays: 7, abortIncompleteMultipartUploadDays: 1),
                LifecycleRule(tags: ["class": "archive"], transitions: [Transition(to: .standardIA, afterDays: 30), Transition(to: .glacierFlexibleRetrieval, afterDays: 90)], noncurrentVersionExpirationDays: 30, noncurrentVersionsToRetain: 3),
                LifecycleRule(enabled: false, noncurrentVersionTransitions: [Transition(to: .deepArchive, afterDays: 10)], expiredObjectDeleteMarker: true),
            ]))
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.properties("Uploads")["LifecycleConfiguration"] == ["Rules": [
            ["AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1], "ExpirationInDays": 7, "Id": "tmp", "Prefix": "tmp/", "Status": "Enabled"],
            [
                "Id": "Rule2",
                "NoncurrentVersionExpiration": ["NewerNoncurrentVersions": 3, "NoncurrentDays": 30],
                "Status": "Enabled",
                "TagFilters": [["Key": "class", "Value": "archive"]],
                "Transitions": [["StorageClass": "STANDARD_IA", "TransitionInDays": 30], ["StorageClass": "GLACIER", "TransitionInDays": 90]],
            ],
            [
                "ExpiredObjectDeleteMarker": true,
                "Id": "Rule3",
                "NoncurrentVersionTransitions": [["StorageClass": "DEEP_ARCHIVE", "TransitionInDays": 10]],
                "Status": "Disabled",
            ],
        ]])
    }

    @Test func tagsKeepTheirOrder() {
        let result = synthesize { stack in stack.add(Bucket("Uploads", tags: ["team": "media", "cost-centre": "7"])) }
        #expect(result.properties("Uploads")["Tags"] == [["Key": "team", "Value": "media"], ["Key": "cost-centre", "Value": "7"]])
    }

    @Test func attributesAreTyped() {
        let bucket = Bucket("Uploads")
        #expect(bucket.name.raw == .intrinsic(.ref(ReferenceTarget("Uploads"))))
        #expect(bucket.arn.raw == .intrinsic(.getAtt(ReferenceTarget("Uploads"), attribute: "Arn")))
        #expect(bucket.domainName.raw == .intrinsic(.getAtt(ReferenceTarget("Uploads"), attribute: "DomainName")))
        #expect(bucket.regionalDomainName.raw == .intrinsic(.getAtt(ReferenceTarget("Uploads"), attribute: "RegionalDomainName")))
        #expect(bucket.attribute(.websiteURL).raw == .intrinsic(.getAtt(ReferenceTarget("Uploads"), attribute: "WebsiteURL")))
    }

    @Test func attributesPassTheCatalog() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Uploads"))
            stack.output("Arn", bucket.arn)
            stack.output("Name", bucket.name)
            stack.output("Domain", bucket.domainName)
            stack.output("Regional", bucket.regionalDomainName)
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func theSameBucketRendersTheSameInTheSAMFlavor() {
        let stack = Stack("test", flavors: [.cloudFormation, .sam]) { stack in stack.add(Bucket("Uploads")) }
        let synthesizer = Synthesizer(files: SourceFiles(root: repositoryRoot), today: synthesisDay)
        let plain = synthesizer.synthesize(stack, flavor: .cloudFormation).template.resources
        let sam = synthesizer.synthesize(stack, flavor: .sam).template.resources
        #expect(plain == sam)
    }
}

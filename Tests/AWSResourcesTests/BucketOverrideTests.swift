import AWSResources
import CloudFormation
import Testing

/// What an override does to the bucket's guarantees: the catalog checks values; the bucket
/// warns when the public access block or ACL setting is weakened, which the catalog cannot.
@Suite struct BucketOverrideTests {
    static func overriding(_ change: @escaping @Sendable (Bucket) -> Void) -> Synthesized {
        validate { stack in change(stack.add(Bucket("Site"))) }
    }

    static let advice = "infra has no typed setting for a public bucket; serve public files through CloudFront with origin access control instead"

    @Test func turningOffOneSettingIsAWarning() {
        let result = Self.overriding { $0.addPropertyOverride("PublicAccessBlockConfiguration.BlockPublicPolicy", false) }
        #expect(result.messages == ["warning Site Properties.PublicAccessBlockConfiguration.BlockPublicPolicy: an override weakens the public access block: BlockPublicPolicy is false, so a bucket policy or ACL can make objects public; \(Self.advice)"])
    }

    @Test func replacingTheBlockNamesEveryWeakenedSetting() {
        let result = Self.overriding { $0.addPropertyOverride("PublicAccessBlockConfiguration", ["BlockPublicAcls": true, "IgnorePublicAcls": "false"]) }
        #expect(result.messages == [
            "warning Site Properties.PublicAccessBlockConfiguration.BlockPublicPolicy: an override weakens the public access block: BlockPublicPolicy is removed, so a bucket policy or ACL can make objects public; \(Self.advice)",
            "warning Site Properties.PublicAccessBlockConfiguration.IgnorePublicAcls: an override weakens the public access block: IgnorePublicAcls is false, so a bucket policy or ACL can make objects public; \(Self.advice)",
            "warning Site Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets: an override weakens the public access block: RestrictPublicBuckets is removed, so a bucket policy or ACL can make objects public; \(Self.advice)",
        ])
    }

    @Test func aSettingFromAParameterIsAWarningToo() {
        let result = validate { stack in
            let open = stack.parameter("Open", .string, description: "true or false")
            stack.add(Bucket("Site")).addPropertyOverride("PublicAccessBlockConfiguration.RestrictPublicBuckets", open.raw)
        }
        #expect(result.warnings.map(\.path) == ["Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets"])
        #expect(result.warnings.first?.message.contains("RestrictPublicBuckets is !Ref Open") == true)
    }

    @Test func removingTheBlockIsAWarning() {
        let result = Self.overriding { $0.addPropertyDeletionOverride("PublicAccessBlockConfiguration") }
        #expect(result.messages == ["warning Site Properties.PublicAccessBlockConfiguration: an override removes the public access block: an update then deletes it from the bucket, and a bucket policy or ACL can make objects public; \(Self.advice)"])
    }

    @Test func restatingTheDefaultsIsNoWarning() {
        let result = Self.overriding { $0.addPropertyOverride("PublicAccessBlockConfiguration.BlockPublicAcls", true) }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func enablingACLsIsAWarning() {
        let result = Self.overriding { $0.addPropertyOverride("OwnershipControls.Rules.0.ObjectOwnership", "ObjectWriter") }
        #expect(result.messages == ["warning Site Properties.OwnershipControls: an override changes OwnershipControls from BucketOwnerEnforced ({...}): ACLs can then grant access that the bucket policy does not show; keep ACLs disabled unless a service requires them"])
    }

    @Test func aBadValueFromAnOverrideIsTheCatalogs() {
        let result = Self.overriding { $0.addPropertyOverride("OwnershipControls.Rules.0.ObjectOwnership", "Nobody") }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.path == "Properties.OwnershipControls.Rules[0].ObjectOwnership")
    }

    @Test func aBucketNameFromAnOverrideIsCheckedByTheCatalogNotTheTypedRule() {
        let replaced = Self.overriding { $0.addPropertyOverride("BucketName", "fine-name") }
        #expect(replaced.diagnostics.isEmpty, "\(replaced.messages)")
        let typedBadButReplaced = validate { stack in
            stack.add(Bucket("Site", bucketName: "Bad_Name")).addPropertyOverride("BucketName", "fine-name")
        }
        #expect(typedBadButReplaced.diagnostics.isEmpty, "\(typedBadButReplaced.messages)")
        let overriddenBad = Self.overriding { $0.addPropertyOverride("BucketName", "Bad_Name") }
        #expect(overriddenBad.errors.map(\.path) == ["Properties.BucketName"])
    }

    @Test func thePolicyCanBeOverriddenLikeAnyResource() {
        let result = Self.overriding { $0.policy.addPropertyOverride("PolicyDocument.Statement.0.Sid", "TLSOnly") }
        #expect(result.properties("SitePolicy")["PolicyDocument"]?.fields?["Statement"]?.items?.first?.fields?["Sid"] == "TLSOnly")
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }
}

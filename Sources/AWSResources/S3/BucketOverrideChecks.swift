import AWSS3
import CloudFormation

/// Which of a bucket's properties an override replaced: the typed model's `CfnBucket`
/// against the one decoded from what deploys.
struct BucketOverride {
    let typed: CfnBucket
    let deployed: CfnBucket

    func replaced<Property: TemplateRepresentable>(_ property: KeyPath<CfnBucket, Property?>) -> Bool {
        typed[keyPath: property]?.templateValue != deployed[keyPath: property]?.templateValue
    }
}

/// The override boundary: a property override can undo what the typed bucket guarantees,
/// and the catalog cannot tell (`BlockPublicPolicy: false` is a valid value). So the two
/// protections a bucket has no typed setting for are compared with what the typed model
/// built, and any weakening is a warning: deliberate, perhaps, but a reviewer must see it.
enum BucketOverrideChecks {
    static func check(_ deployed: CfnBucket, typed: CfnBucket, of bucket: Bucket, in context: SynthesisContext) {
        let override = BucketOverride(typed: typed, deployed: deployed)
        if override.replaced(\.publicAccessBlockConfiguration) {
            checkPublicAccessBlock(deployed.publicAccessBlockConfiguration, of: bucket, in: context)
        }
        if override.replaced(\.ownershipControls) {
            let shown = deployed.ownershipControls.map { $0.templateValue.summary } ?? "removed"
            context.warning(bucket, at: PropertyPath.properties / "OwnershipControls", "an override changes OwnershipControls from BucketOwnerEnforced (\(shown)): ACLs can then grant access that the bucket policy does not show; keep ACLs disabled unless a service requires them")
        }
    }

    /// The four settings, by the names the diagnostics show.
    private static var settings: [(name: String, value: KeyPath<CfnBucket.PublicAccessBlockConfiguration, Value<Bool>?>)] { [
        ("BlockPublicAcls", \.blockPublicAcls),
        ("BlockPublicPolicy", \.blockPublicPolicy),
        ("IgnorePublicAcls", \.ignorePublicAcls),
        ("RestrictPublicBuckets", \.restrictPublicBuckets),
    ] }

    /// Each of the four settings must still be `true`.
    private static func checkPublicAccessBlock(_ block: CfnBucket.PublicAccessBlockConfiguration?, of bucket: Bucket, in context: SynthesisContext) {
        let path = PropertyPath.properties / "PublicAccessBlockConfiguration"
        let advice = "infra has no typed setting for a public bucket; serve public files through CloudFront with origin access control instead"
        guard let block else {
            context.warning(bucket, at: path, "an override removes the public access block: an update then deletes it from the bucket, and a bucket policy or ACL can make objects public; \(advice)")
            return
        }
        for setting in settings {
            let value = block[keyPath: setting.value]
            guard value?.literal != true else { continue }
            let shown = value.map { "is \($0.templateValue.summary)" } ?? "is removed"
            context.warning(bucket, at: path / setting.name, "an override weakens the public access block: \(setting.name) \(shown), so a bucket policy or ACL can make objects public; \(advice)")
        }
    }
}

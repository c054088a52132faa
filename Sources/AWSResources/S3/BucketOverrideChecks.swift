import CloudFormation

/// The override boundary: a property override can undo what the typed bucket guarantees,
/// and the catalog cannot tell (`BlockPublicPolicy: false` is a valid value). So the two
/// protections a bucket has no typed setting for are compared with what the typed model
/// rendered, and any weakening is a warning: deliberate, perhaps, but a reviewer must see it.
enum BucketOverrideChecks {
    static let publicAccessBlock = "PublicAccessBlockConfiguration"
    static let ownershipControls = "OwnershipControls"

    static func check(_ properties: Fields, typed: Fields, of bucket: Bucket, in context: SynthesisContext) {
        checkPublicAccessBlock(properties[publicAccessBlock], typed: typed[publicAccessBlock], of: bucket, in: context)
        checkOwnership(properties[ownershipControls], typed: typed[ownershipControls], of: bucket, in: context)
    }

    /// Each of the four settings must still be `true`.
    private static func checkPublicAccessBlock(_ value: TemplateValue?, typed: TemplateValue?, of bucket: Bucket, in context: SynthesisContext) {
        guard value != typed else { return }
        let path = PropertyPath.properties / publicAccessBlock
        let advice = "infra has no typed setting for a public bucket; serve public files through CloudFront with origin access control instead"
        guard let fields = value?.objectFields else {
            context.warning(bucket, at: path, "an override removes the public access block: an update then deletes it from the bucket, and a bucket policy or ACL can make objects public; \(advice)")
            return
        }
        for setting in typed?.objectFields?.keys ?? [] {
            let rendered = fields[setting]
            guard rendered?.literalBoolean != true else { continue }
            let shown = rendered.map { "is \($0.summary)" } ?? "is removed"
            context.warning(bucket, at: path / setting, "an override weakens the public access block: \(setting) \(shown), so a bucket policy or ACL can make objects public; \(advice)")
        }
    }

    /// Anything but the typed BucketOwnerEnforced turns ACLs back on.
    private static func checkOwnership(_ value: TemplateValue?, typed: TemplateValue?, of bucket: Bucket, in context: SynthesisContext) {
        guard value != typed else { return }
        context.warning(bucket, at: PropertyPath.properties / ownershipControls, "an override changes OwnershipControls from BucketOwnerEnforced (\(value?.summary ?? "removed")): ACLs can then grant access that the bucket policy does not show; keep ACLs disabled unless a service requires them")
    }
}

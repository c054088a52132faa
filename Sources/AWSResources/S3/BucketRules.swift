import CloudFormation

/// The checks on a bucket's typed settings: its name, its KMS key, its lifecycle rules and
/// its notifications, as S3 would refuse them at deploy (or silently ignore them). A
/// property an override replaced is skipped: the catalog checks what the override wrote.
enum BucketRules {
    static let maximumLifecycleRules = 1000
    static let maximumRuleIDLength = 255
    /// Object keys are at most 1,024 bytes, so a longer prefix or suffix matches nothing.
    static let maximumKeyLength = 1024
    static let noncurrentVersionsToRetain = 1...100

    static func validate(_ bucket: Bucket, overridden: BucketOverride, in context: SynthesisContext) {
        if !overridden.replaced(\.bucketName) { checkName(bucket, in: context) }
        if !overridden.replaced(\.bucketEncryption) { checkKey(bucket, in: context) }
        if !overridden.replaced(\.lifecycleConfiguration) {
            LifecycleRules.validate(bucket.lifecycleRules, versioned: bucket.versioned || overridden.replaced(\.versioningConfiguration), of: bucket, in: context)
        }
        if !overridden.replaced(\.notificationConfiguration) { checkNotifications(bucket, in: context) }
    }

    private static func checkName(_ bucket: Bucket, in context: SynthesisContext) {
        let path = PropertyPath.properties / "BucketName"
        if let name = bucket.bucketName?.literal, let problem = BucketNameRules.problem(with: name) {
            context.error(bucket, at: path, "bucket name '\(Diagnostic.abbreviated(name))' \(problem)")
        } else if bucket.bucketName == nil, !bucket.notifications.isEmpty {
            let sample = BucketNaming.generatedSample(logicalID: bucket.logicalID)
            if let problem = BucketNameRules.problem(with: sample) {
                context.error(bucket, at: path, "the name generated for the notifying bucket, '\(sample)', \(problem); give the bucket a bucketName")
            }
        }
    }

    /// Grants scope KMS permissions to the key, so the key must be named by its ARN: a key
    /// ID or an alias encrypts, but IAM matches neither against the key's ARN.
    private static func checkKey(_ bucket: Bucket, in context: SynthesisContext) {
        guard let key = bucket.encryption.customerKeyARN else { return }
        let path = PropertyPath.properties.key("BucketEncryption").key("ServerSideEncryptionConfiguration").index(0)
            .key("ServerSideEncryptionByDefault").key("KMSMasterKeyID")
        switch key.raw {
        case .string(let text) where !text.hasPrefix("arn:") || text.contains(":alias/"):
            context.error(bucket, at: path, "the KMS key '\(Diagnostic.abbreviated(text))' is not a key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); grants on the bucket name the key by ARN, which an ID or alias cannot stand for")
        case .intrinsic(.ref(let target)) where target.origin == .resource(type: "AWS::KMS::Key"):
            context.error(bucket, at: path, "!Ref \(target.logicalID) is the key's ID, not its ARN; use its Arn attribute (CfnKey.attrArn)")
        default:
            break
        }
    }

    /// S3 refuses two configurations that one object operation on one key can both match.
    private static func checkNotifications(_ bucket: Bucket, in context: SynthesisContext) {
        let root = PropertyPath.properties.key("NotificationConfiguration").key("LambdaConfigurations")
        for (position, notification) in bucket.notifications.enumerated() {
            let path = root.index(position)
            for (kind, value) in [("prefix", notification.prefix), ("suffix", notification.suffix)] {
                guard let value else { continue }
                if value.isEmpty {
                    context.error(bucket, at: path.key("Filter"), "the \(kind) filter is empty; leave it out to match every key")
                } else if value.utf8.count > maximumKeyLength {
                    context.error(bucket, at: path.key("Filter"), "the \(kind) filter has \(value.utf8.count) bytes; an object key has at most \(maximumKeyLength), so it matches nothing")
                }
            }
            for (earlierPosition, earlier) in bucket.notifications[..<position].enumerated()
            where earlier.event.overlaps(notification.event) && earlier.keysOverlap(with: notification) {
                context.error(bucket, at: path, "notification to \(notification.function.logicalID) on \(notification.event.rawValue)\(filterText(notification)) overlaps notification \(earlierPosition) to \(earlier.function.logicalID) on \(earlier.event.rawValue)\(filterText(earlier)): one object can match both, and S3 refuses overlapping configurations; give them prefixes or suffixes that do not overlap")
            }
        }
    }

    private static func filterText(_ notification: BucketNotification) -> String {
        let parts = [notification.prefix.map { "prefix '\(Diagnostic.abbreviated($0))'" }, notification.suffix.map { "suffix '\(Diagnostic.abbreviated($0))'" }].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}

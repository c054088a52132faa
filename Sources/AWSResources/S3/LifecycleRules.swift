import CloudFormation

/// The checks S3 makes on a lifecycle configuration (PutBucketLifecycleConfiguration
/// refuses these, so the stack would fail), and a warning for rules that would do nothing.
enum LifecycleRules {
    static func validate(_ rules: [LifecycleRule], versioned: Bool, of bucket: Bucket, in context: SynthesisContext) {
        let root = PropertyPath.properties.key("LifecycleConfiguration").key("Rules")
        if rules.count > BucketRules.maximumLifecycleRules {
            context.error(bucket, at: root, "the bucket has \(rules.count) lifecycle rules; S3 allows \(BucketRules.maximumLifecycleRules)")
        }
        var ids: Set<String> = []
        for (position, rule) in rules.enumerated() {
            let path = root.index(position)
            let id = rule.id ?? "Rule\(position + 1)"
            let named = "lifecycle rule '\(Diagnostic.abbreviated(id))'"
            if id.isEmpty || id.count > BucketRules.maximumRuleIDLength {
                context.error(bucket, at: path.key("Id"), "a lifecycle rule ID has 1 to \(BucketRules.maximumRuleIDLength) characters; '\(Diagnostic.abbreviated(id))' has \(id.count)")
            }
            if !ids.insert(id).inserted {
                context.error(bucket, at: path.key("Id"), "two lifecycle rules have the ID '\(Diagnostic.abbreviated(id))'")
            }
            if let prefix = rule.prefix, prefix.utf8.count > BucketRules.maximumKeyLength {
                context.error(bucket, at: path.key("Prefix"), "the prefix of \(named) has \(prefix.utf8.count) bytes; an object key has at most \(BucketRules.maximumKeyLength)")
            }
            guard rule.hasAction else {
                context.error(bucket, at: path, "\(named) has no action: give it an expiration, a transition, a noncurrent-version expiration or transition, an abort of incomplete multipart uploads, or expiredObjectDeleteMarker")
                continue
            }
            checkDays(rule, named: named, at: path, of: bucket, in: context)
            checkCombinations(rule, named: named, at: path, of: bucket, in: context)
            if rule.needsVersioning, !versioned {
                context.warning(bucket, at: path, "\(named) acts on noncurrent versions or delete markers, which only a versioned bucket has, so it does nothing here; turn versioning on (versioned: true) or remove those actions")
            }
        }
    }

    private static func checkDays(_ rule: LifecycleRule, named: String, at path: PropertyPath, of bucket: Bucket, in context: SynthesisContext) {
        func atLeastOne(_ days: Int?, _ what: String, at path: PropertyPath) {
            if let days, days < 1 {
                context.error(bucket, at: path, "\(what) of \(named) is \(days) days; it must be at least 1")
            }
        }
        atLeastOne(rule.expirationDays, "the expiration", at: path.key("ExpirationInDays"))
        atLeastOne(rule.noncurrentVersionExpirationDays, "the noncurrent-version expiration", at: path.key("NoncurrentVersionExpiration").key("NoncurrentDays"))
        atLeastOne(rule.abortIncompleteMultipartUploadDays, "the abort of incomplete multipart uploads", at: path.key("AbortIncompleteMultipartUpload").key("DaysAfterInitiation"))
        if let kept = rule.noncurrentVersionsToRetain, !BucketRules.noncurrentVersionsToRetain.contains(kept) {
            context.error(bucket, at: path.key("NoncurrentVersionExpiration").key("NewerNoncurrentVersions"), "\(named) keeps \(kept) noncurrent versions; S3 takes 1 to 100")
        }
        checkTransitions(rule.transitions, expiration: rule.expirationDays, named: named, noncurrent: false, at: path, of: bucket, in: context)
        checkTransitions(rule.noncurrentVersionTransitions, expiration: rule.noncurrentVersionExpirationDays, named: named, noncurrent: true, at: path, of: bucket, in: context)
    }

    /// S3 moves objects to the infrequent-access classes only after 30 days, and expires
    /// them only after their last transition.
    private static func checkTransitions(_ transitions: [Transition], expiration: Int?, named: String, noncurrent: Bool, at path: PropertyPath, of bucket: Bucket, in context: SynthesisContext) {
        let key = noncurrent ? "NoncurrentVersionTransitions" : "Transitions"
        let what = noncurrent ? "noncurrent versions" : "objects"
        for (position, transition) in transitions.enumerated() {
            let minimum = transition.storageClass.minimumTransitionDays
            if transition.days < minimum {
                let reason = minimum > 0 ? "S3 moves \(what) to \(transition.storageClass.rawValue) only after \(minimum) days" : "days cannot be negative"
                context.error(bucket, at: path.key(key).index(position).key("TransitionInDays"), "\(named) moves \(what) to \(transition.storageClass.rawValue) after \(transition.days) days; \(reason)")
            }
        }
        if let expiration, let last = transitions.max(by: { $0.days < $1.days }), expiration <= last.days {
            let expirationPath = noncurrent ? path.key("NoncurrentVersionExpiration").key("NoncurrentDays") : path.key("ExpirationInDays")
            context.error(bucket, at: expirationPath, "\(named) expires \(what) after \(expiration) days but moves them to \(last.storageClass.rawValue) after \(last.days); the expiration must come after every transition")
        }
    }

    /// Actions S3 does not take together with a tag filter or with each other.
    private static func checkCombinations(_ rule: LifecycleRule, named: String, at path: PropertyPath, of bucket: Bucket, in context: SynthesisContext) {
        if !rule.tags.isEmpty, rule.abortIncompleteMultipartUploadDays != nil {
            context.error(bucket, at: path.key("AbortIncompleteMultipartUpload"), "\(named) filters by tags, which S3 does not allow with an abort of incomplete multipart uploads (an upload in progress has no tags); put the abort in a rule of its own")
        }
        if rule.expiredObjectDeleteMarker {
            if !rule.tags.isEmpty {
                context.error(bucket, at: path.key("ExpiredObjectDeleteMarker"), "\(named) filters by tags, which S3 does not allow with expiredObjectDeleteMarker (a delete marker has no tags); put it in a rule of its own")
            }
            if rule.expirationDays != nil {
                context.error(bucket, at: path.key("ExpiredObjectDeleteMarker"), "\(named) sets both an expiration in days and expiredObjectDeleteMarker, which S3 does not take in one rule; put them in separate rules")
            }
        }
    }
}

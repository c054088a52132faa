import AWSResources
import CloudFormation
import Testing

/// Lifecycle rules S3 refuses at deploy, and rules that would silently do nothing.
@Suite struct BucketLifecycleTests {
    static func rules(versioned: Bool = false, _ rules: [LifecycleRule]) -> Synthesized {
        validate { stack in stack.add(Bucket("Logs", versioned: versioned, lifecycleRules: rules)) }
    }

    static let root = "Properties.LifecycleConfiguration.Rules"

    @Test func noncurrentActionsWithoutVersioningAreAWarning() {
        // S3 accepts them and never applies them: nothing is noncurrent without versioning.
        let result = Self.rules([LifecycleRule(id: "old", noncurrentVersionExpirationDays: 30)])
        #expect(result.messages == ["warning Logs \(Self.root)[0]: lifecycle rule 'old' acts on noncurrent versions or delete markers, which only a versioned bucket has, so it does nothing here; turn versioning on (versioned: true) or remove those actions"])
        #expect(Self.rules(versioned: true, [LifecycleRule(id: "old", noncurrentVersionExpirationDays: 30)]).diagnostics.isEmpty)
    }

    @Test func versioningTurnedOnByAnOverrideSilencesTheWarning() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Logs", lifecycleRules: [LifecycleRule(noncurrentVersionTransitions: [Transition(to: .glacierFlexibleRetrieval, afterDays: 1)])]))
            bucket.addPropertyOverride("VersioningConfiguration", ["Status": "Enabled"])
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    /// Every storage class is spelt as the schema's enums spell it (the catalog would report
    /// any other spelling): as a transition and as a noncurrent-version transition.
    @Test func everyStorageClassIsOneTheSchemaKnows() {
        let transitions = StorageClass.allCases.map { Transition(to: $0, afterDays: 30) }
        let result = Self.rules(versioned: true, transitions.map { LifecycleRule(transitions: [$0], noncurrentVersionTransitions: [$0]) })
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func aRuleNeedsAnAction() {
        let result = Self.rules([LifecycleRule(id: "empty", prefix: "tmp/")])
        #expect(result.messages == ["error Logs \(Self.root)[0]: lifecycle rule 'empty' has no action: give it an expiration, a transition, a noncurrent-version expiration or transition, an abort of incomplete multipart uploads, or expiredObjectDeleteMarker"])
    }

    @Test func daysMustBePositive() {
        let result = Self.rules(versioned: true, [LifecycleRule(expirationDays: 0, noncurrentVersionExpirationDays: -1, abortIncompleteMultipartUploadDays: 0)])
        #expect(result.messages == [
            "error Logs \(Self.root)[0].ExpirationInDays: the expiration of lifecycle rule 'Rule1' is 0 days; it must be at least 1",
            "error Logs \(Self.root)[0].NoncurrentVersionExpiration.NoncurrentDays: the noncurrent-version expiration of lifecycle rule 'Rule1' is -1 days; it must be at least 1",
            "error Logs \(Self.root)[0].AbortIncompleteMultipartUpload.DaysAfterInitiation: the abort of incomplete multipart uploads of lifecycle rule 'Rule1' is 0 days; it must be at least 1",
        ])
    }

    @Test func infrequentAccessNeedsThirtyDays() {
        let result = Self.rules(versioned: true, [LifecycleRule(
            transitions: [Transition(to: .standardIA, afterDays: 29), Transition(to: .glacierInstantRetrieval, afterDays: 0)],
            noncurrentVersionTransitions: [Transition(to: .oneZoneIA, afterDays: 7)]
        )])
        #expect(result.messages == [
            "error Logs \(Self.root)[0].Transitions[0].TransitionInDays: lifecycle rule 'Rule1' moves objects to STANDARD_IA after 29 days; S3 moves objects to STANDARD_IA only after 30 days",
            "error Logs \(Self.root)[0].NoncurrentVersionTransitions[0].TransitionInDays: lifecycle rule 'Rule1' moves noncurrent versions to ONEZONE_IA after 7 days; S3 moves noncurrent versions to ONEZONE_IA only after 30 days",
        ])
    }

    @Test func expirationComesAfterTheLastTransition() {
        let result = Self.rules(versioned: true, [LifecycleRule(
            expirationDays: 60, transitions: [Transition(to: .glacierFlexibleRetrieval, afterDays: 90)],
            noncurrentVersionExpirationDays: 10, noncurrentVersionTransitions: [Transition(to: .deepArchive, afterDays: 10)]
        )])
        #expect(result.messages == [
            "error Logs \(Self.root)[0].ExpirationInDays: lifecycle rule 'Rule1' expires objects after 60 days but moves them to GLACIER after 90; the expiration must come after every transition",
            "error Logs \(Self.root)[0].NoncurrentVersionExpiration.NoncurrentDays: lifecycle rule 'Rule1' expires noncurrent versions after 10 days but moves them to DEEP_ARCHIVE after 10; the expiration must come after every transition",
        ])
    }

    @Test func tagFiltersDoNotCombineWithUploadsOrDeleteMarkers() {
        let result = Self.rules(versioned: true, [
            LifecycleRule(id: "a", tags: ["k": "v"], abortIncompleteMultipartUploadDays: 7),
            LifecycleRule(id: "b", tags: ["k": "v"], expirationDays: 30, expiredObjectDeleteMarker: true),
        ])
        #expect(result.messages == [
            "error Logs \(Self.root)[0].AbortIncompleteMultipartUpload: lifecycle rule 'a' filters by tags, which S3 does not allow with an abort of incomplete multipart uploads (an upload in progress has no tags); put the abort in a rule of its own",
            "error Logs \(Self.root)[1].ExpiredObjectDeleteMarker: lifecycle rule 'b' filters by tags, which S3 does not allow with expiredObjectDeleteMarker (a delete marker has no tags); put it in a rule of its own",
            "error Logs \(Self.root)[1].ExpiredObjectDeleteMarker: lifecycle rule 'b' sets both an expiration in days and expiredObjectDeleteMarker, which S3 does not take in one rule; put them in separate rules",
        ])
    }

    @Test func ruleIDsAreUniqueAndShort() {
        let long = String(repeating: "r", count: 256)
        let result = Self.rules([
            LifecycleRule(id: "tmp", expirationDays: 1),
            LifecycleRule(id: "tmp", expirationDays: 2),
            LifecycleRule(id: long, expirationDays: 3),
        ])
        #expect(result.messages == [
            "error Logs \(Self.root)[1].Id: two lifecycle rules have the ID 'tmp'",
            "error Logs \(Self.root)[2].Id: a lifecycle rule ID has 1 to 255 characters; '\(Diagnostic.abbreviated(long))' has 256",
        ])
    }

    @Test func newerNoncurrentVersionsIsOneToAHundred() {
        let result = Self.rules(versioned: true, [LifecycleRule(noncurrentVersionExpirationDays: 30, noncurrentVersionsToRetain: 101)])
        #expect(result.messages == ["error Logs \(Self.root)[0].NoncurrentVersionExpiration.NewerNoncurrentVersions: lifecycle rule 'Rule1' keeps 101 noncurrent versions; S3 takes 1 to 100"])
    }

    @Test func aLifecycleConfigurationFromAnOverrideIsLeftToTheCatalog() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Logs", lifecycleRules: [LifecycleRule(id: "empty")]))
            bucket.addPropertyOverride("LifecycleConfiguration", ["Rules": [["Id": "x", "Status": "Enabled", "ExpirationInDays": 5]]])
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func addLifecycleRuleAppends() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Logs"))
            bucket.addLifecycleRule(LifecycleRule(id: "uploads", abortIncompleteMultipartUploadDays: 7))
        }
        #expect(result.properties("Logs")["LifecycleConfiguration"] == ["Rules": [["AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 7], "Id": "uploads", "Status": "Enabled"]]])
    }
}

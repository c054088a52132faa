import AWSS3
import CloudFormation

/// A storage class objects can move to (S3 Standard is where they start).
public enum StorageClass: String, Sendable, Hashable, CaseIterable {
    /// Standard-Infrequent Access: S3 moves objects here only after 30 days.
    case standardIA = "STANDARD_IA"
    /// One Zone-Infrequent Access: one Availability Zone; also 30 days at least.
    case oneZoneIA = "ONEZONE_IA"
    case intelligentTiering = "INTELLIGENT_TIERING"
    /// Glacier Instant Retrieval.
    case glacierInstantRetrieval = "GLACIER_IR"
    /// Glacier Flexible Retrieval (the `GLACIER` class).
    case glacierFlexibleRetrieval = "GLACIER"
    case deepArchive = "DEEP_ARCHIVE"

    /// The infrequent-access classes, which S3 refuses as a transition under 30 days.
    var minimumTransitionDays: Int {
        switch self {
        case .standardIA, .oneZoneIA: 30
        default: 0
        }
    }
}

/// A move to another storage class a number of days after creation (or, for noncurrent
/// versions, after the version became noncurrent).
public struct Transition: Sendable, Hashable {
    public var storageClass: StorageClass
    public var days: Int

    public init(to storageClass: StorageClass, afterDays days: Int) {
        self.storageClass = storageClass
        self.days = days
    }
}

/// One lifecycle rule: which objects (a key prefix and tags, both optional) and what
/// happens to them. A rule needs at least one action.
public struct LifecycleRule: Sendable {
    /// At most 255 characters, unique in the bucket. Rules without one are given `Rule<n>`.
    public var id: String?
    public var enabled: Bool
    /// Only keys starting with this (`uploads/`); nil for every key.
    public var prefix: String?
    /// Only objects carrying all these tags, in order.
    public var tags: [(key: String, value: String)]
    /// Days after creation when the current version expires (deleted; in a versioned bucket
    /// it becomes noncurrent behind a delete marker).
    public var expirationDays: Int?
    public var transitions: [Transition]
    /// Versioned buckets only: days after a version becomes noncurrent when it is deleted.
    public var noncurrentVersionExpirationDays: Int?
    /// Versioned buckets only: how many newer noncurrent versions to keep regardless (1 to 100).
    public var noncurrentVersionsToRetain: Int?
    /// Versioned buckets only.
    public var noncurrentVersionTransitions: [Transition]
    /// Days after which incomplete multipart uploads are aborted and their parts deleted.
    public var abortIncompleteMultipartUploadDays: Int?
    /// Versioned buckets only: removes delete markers that no longer hide any version.
    public var expiredObjectDeleteMarker: Bool

    public init(
        id: String? = nil,
        enabled: Bool = true,
        prefix: String? = nil,
        tags: KeyValuePairs<String, String> = [:],
        expirationDays: Int? = nil,
        transitions: [Transition] = [],
        noncurrentVersionExpirationDays: Int? = nil,
        noncurrentVersionsToRetain: Int? = nil,
        noncurrentVersionTransitions: [Transition] = [],
        abortIncompleteMultipartUploadDays: Int? = nil,
        expiredObjectDeleteMarker: Bool = false
    ) {
        self.id = id
        self.enabled = enabled
        self.prefix = prefix
        self.tags = tags.map { (key: $0.key, value: $0.value) }
        self.expirationDays = expirationDays
        self.transitions = transitions
        self.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays
        self.noncurrentVersionsToRetain = noncurrentVersionsToRetain
        self.noncurrentVersionTransitions = noncurrentVersionTransitions
        self.abortIncompleteMultipartUploadDays = abortIncompleteMultipartUploadDays
        self.expiredObjectDeleteMarker = expiredObjectDeleteMarker
    }

    /// Whether the rule acts on noncurrent versions or delete markers, which only a
    /// versioned bucket has.
    var needsVersioning: Bool {
        noncurrentVersionExpirationDays != nil || !noncurrentVersionTransitions.isEmpty || expiredObjectDeleteMarker
    }

    var hasAction: Bool {
        expirationDays != nil || !transitions.isEmpty || needsVersioning || abortIncompleteMultipartUploadDays != nil
    }

    func rendered(id renderedID: String) -> CfnBucket.Rule {
        CfnBucket.Rule(
            status: enabled ? .enabled : .disabled,
            abortIncompleteMultipartUpload: abortIncompleteMultipartUploadDays.map { .init(daysAfterInitiation: Value($0)) },
            expirationInDays: expirationDays.map { Value($0) },
            expiredObjectDeleteMarker: expiredObjectDeleteMarker ? true : nil,
            id: Value(renderedID),
            noncurrentVersionExpiration: noncurrentVersionExpirationDays.map {
                .init(noncurrentDays: Value($0), newerNoncurrentVersions: noncurrentVersionsToRetain.map { Value($0) })
            },
            noncurrentVersionTransitions: noncurrentVersionTransitions.isEmpty ? nil : noncurrentVersionTransitions.map {
                .init(storageClass: CfnBucket.NoncurrentVersionTransition.StorageClass(Value($0.storageClass.rawValue)), transitionInDays: Value($0.days))
            },
            prefix: prefix.map { Value($0) },
            tagFilters: tags.isEmpty ? nil : tags.map { .init(key: Value($0.key), value: Value($0.value)) },
            transitions: transitions.isEmpty ? nil : transitions.map {
                .init(storageClass: CfnBucket.Transition.StorageClass(Value($0.storageClass.rawValue)), transitionInDays: Value($0.days))
            }
        )
    }
}


/// The bucket events a notification can be sent on.
public enum BucketEvent: String, Sendable, Hashable, CaseIterable {
    /// Any object created: Put, Post, Copy or CompleteMultipartUpload.
    case objectCreated = "s3:ObjectCreated:*"
    case objectCreatedPut = "s3:ObjectCreated:Put"
    case objectCreatedPost = "s3:ObjectCreated:Post"
    case objectCreatedCopy = "s3:ObjectCreated:Copy"
    case objectCreatedCompleteMultipartUpload = "s3:ObjectCreated:CompleteMultipartUpload"
    /// Any object removed: deleted, or hidden behind a delete marker.
    case objectRemoved = "s3:ObjectRemoved:*"
    case objectRemovedDelete = "s3:ObjectRemoved:Delete"
    case objectRemovedDeleteMarkerCreated = "s3:ObjectRemoved:DeleteMarkerCreated"

    /// `s3:ObjectCreated` of `s3:ObjectCreated:Put`.
    private var family: Substring { rawValue[..<(rawValue.lastIndex(of: ":") ?? rawValue.endIndex)] }
    private var isWildcard: Bool { rawValue.hasSuffix(":*") }

    /// Whether one object operation can raise both events: S3 refuses two notification
    /// configurations whose events share an operation and whose key filters overlap.
    func overlaps(_ other: BucketEvent) -> Bool {
        self == other || (family == other.family && (isWildcard || other.isWildcard))
    }
}

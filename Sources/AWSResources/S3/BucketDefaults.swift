import AWSS3
import CloudFormation

/// The settings every bucket gets, with no typed way to weaken them (an override can, and
/// `BucketOverrideChecks` warns about it).
enum BucketDefaults {
    /// All four settings on: no public ACL is accepted or honoured, no public bucket policy
    /// is accepted, and access through a public policy is limited to AWS services and the
    /// account. S3 turns them on for new buckets since April 2023; writing them keeps an
    /// update from removing them, and shows them in review.
    static let publicAccessBlock = CfnBucket.PublicAccessBlockConfiguration(
        blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true
    )

    /// BucketOwnerEnforced: ACLs are disabled and the bucket owner owns every object, so
    /// access is decided by policies alone.
    static let ownershipControls = CfnBucket.OwnershipControls(rules: [.init(objectOwnership: .bucketOwnerEnforced)])
}

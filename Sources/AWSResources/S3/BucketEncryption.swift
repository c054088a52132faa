import AWSS3
import CloudFormation

/// Default encryption of new objects. S3 encrypts every object; this chooses the key.
public enum BucketEncryption: Sendable {
    /// SSE-S3 (`AES256`): keys S3 owns. No KMS charges and no KMS permissions for readers
    /// and writers; key use is not in CloudTrail.
    case s3Managed
    /// SSE-KMS with the account's AWS managed key `aws/s3`: key use shows in CloudTrail and
    /// callers in the account need no KMS grants. The S3 Bucket Key is on, which cuts KMS
    /// requests (and their cost) by caching a bucket-level key.
    case awsManagedKMSKey
    /// SSE-KMS with a customer managed key, by its ARN (`key.attrArn` of a `CfnKey`, or an
    /// ARN parameter): grants then include `kms:Decrypt` (reads) and `kms:GenerateDataKey`
    /// (writes) on that key. The Bucket Key is on. An alias or key ID would encrypt too, but
    /// could not scope the grants, so an ARN is required.
    case kms(keyARN: Value<String>)

    /// The customer managed key, whose use grants must allow.
    var customerKeyARN: Value<String>? {
        if case .kms(let key) = self { return key }
        return nil
    }

    var rendered: CfnBucket.BucketEncryption {
        let rule: CfnBucket.ServerSideEncryptionRule
        switch self {
        case .s3Managed:
            rule = .init(serverSideEncryptionByDefault: .init(sseAlgorithm: .aes256))
        case .awsManagedKMSKey:
            rule = .init(bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKms))
        case .kms(let key):
            rule = .init(bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKms, kmsMasterKeyID: key))
        }
        return .init(serverSideEncryptionConfiguration: [rule])
    }
}

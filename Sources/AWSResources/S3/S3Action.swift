/// S3 actions, each by its exact name: the grants list what they allow rather than CDK's
/// `s3:GetObject*`, `s3:GetBucket*` and `s3:List*`, which also allow reading ACLs, tags,
/// retention settings and every bucket configuration.
public enum S3Action: String, IAMAction, CaseIterable, Hashable {
    case abortMultipartUpload = "s3:AbortMultipartUpload"
    case deleteObject = "s3:DeleteObject"
    case deleteObjectTagging = "s3:DeleteObjectTagging"
    case deleteObjectVersion = "s3:DeleteObjectVersion"
    case getBucketLocation = "s3:GetBucketLocation"
    case getObject = "s3:GetObject"
    case getObjectAttributes = "s3:GetObjectAttributes"
    case getObjectTagging = "s3:GetObjectTagging"
    case getObjectVersion = "s3:GetObjectVersion"
    case listBucket = "s3:ListBucket"
    case listBucketMultipartUploads = "s3:ListBucketMultipartUploads"
    case listBucketVersions = "s3:ListBucketVersions"
    case listMultipartUploadParts = "s3:ListMultipartUploadParts"
    case putObject = "s3:PutObject"
    case putObjectTagging = "s3:PutObjectTagging"

    /// Whether IAM takes the bucket's ARN (`arn:...:s3:::name`) as this action's resource;
    /// the others act on objects (`arn:...:s3:::name/key`).
    public var actsOnBucket: Bool {
        switch self {
        case .getBucketLocation, .listBucket, .listBucketMultipartUploads, .listBucketVersions: true
        default: false
        }
    }

    /// What `grantRead` allows on objects: GetObject (which HeadObject also needs).
    /// GetObjectVersion joins it when the bucket is versioned.
    public static let readObjects: [S3Action] = [.getObject]
    /// What `grantPut` allows: PutObject, and AbortMultipartUpload so that a failed
    /// multipart upload can be cleaned up by the writer.
    public static let putObjects: [S3Action] = [.putObject, .abortMultipartUpload]
    /// What `grantDelete` allows: DeleteObject. In a versioned bucket it adds a delete
    /// marker, which can be undone; DeleteObjectVersion, which cannot, is granted only by name.
    public static let deleteObjects: [S3Action] = [.deleteObject]
}

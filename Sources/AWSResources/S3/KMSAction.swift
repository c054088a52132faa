/// The KMS actions S3 needs on a customer managed key for SSE-KMS objects. (A KMS folder,
/// when there is one, is where this belongs.)
public enum KMSAction: String, IAMAction, CaseIterable, Hashable {
    /// Reading an object S3 encrypted, and completing a multipart upload.
    case decrypt = "kms:Decrypt"
    /// Writing an object: S3 asks KMS for a data key; it never calls kms:Encrypt.
    case generateDataKey = "kms:GenerateDataKey"
}

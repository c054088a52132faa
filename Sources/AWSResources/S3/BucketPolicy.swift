import CloudFormation

/// The bucket policy every bucket gets.
enum BucketPolicy {
    /// Denies every S3 action on the bucket and its objects to anyone, when the request is
    /// not made over TLS (`aws:SecureTransport` false), as AWS's security best practices for
    /// S3 advise. `s3:*` in a Deny is the safe direction: nothing is allowed by it.
    static func tlsOnly(_ bucketARN: Value<String>) -> PolicyDocument {
        PolicyDocument([
            PolicyStatement(
                sid: "DenyInsecureTransport",
                effect: .deny,
                principal: .any,
                actions: [UncheckedAction("s3:*")],
                resources: [bucketARN, "\(bucketARN)/*"],
                conditions: [PolicyCondition(.bool, "aws:SecureTransport", "false")]
            ),
        ])
    }
}

import CloudFormation

/// An S3 bucket as the on-failure destination of a Kinesis or DynamoDB stream mapping: Lambda
/// writes each failed batch's record as an object. It needs s3:PutObject on the objects and
/// s3:ListBucket on the bucket (and, with a customer managed key, the key actions S3
/// performs for a writer, through S3 only); SAM's `Type: S3` grants the first two itself.
/// The objects' ARN is spelled as SAM spells it (`!Join ['/', [arn, '*']]`), so that both
/// flavors grant the same statement and the folded role can leave SAM's out.
extension Bucket: OnFailureDestination {
    public var destinationArn: Value<String> { arn }

    public var deliveryStatements: [PolicyStatement] {
        var statements = [
            PolicyStatement(sid: "PutFailedRecordsIn\(logicalID)", actions: [S3Action.putObject], resources: [objectsForFailedRecords]),
            PolicyStatement(sid: "ListFailedRecordsIn\(logicalID)", actions: [S3Action.listBucket], resources: [arn]),
        ]
        if let key = encryption.customerKeyARN {
            statements.append(PolicyStatement(sid: "EncryptFailedRecordsIn\(logicalID)", actions: [KMSAction.decrypt, KMSAction.generateDataKey], resources: [key],
                                              conditions: [PolicyCondition(.stringEquals, "kms:ViaService", "s3.\(AWS.region).\(AWS.urlSuffix)")]))
        }
        return statements
    }

    public var samDestinationType: String? { "S3" }

    /// What SAM grants for `Type: S3`: the first two statements, not the key's.
    public var samGrantedStatements: [PolicyStatement] {
        [
            PolicyStatement(actions: [S3Action.putObject], resources: [objectsForFailedRecords]),
            PolicyStatement(actions: [S3Action.listBucket], resources: [arn]),
        ]
    }

    private var objectsForFailedRecords: Value<String> { Fn.join("/", [arn, "*"]) }
}

extension FailureDestination {
    public static func bucket(_ bucket: Bucket) -> FailureDestination { FailureDestination(bucket) }
}

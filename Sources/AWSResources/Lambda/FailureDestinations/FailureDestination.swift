import CloudFormation

/// Where a stream mapping sends the metadata of a batch it gives up on, as CDK's
/// `IEventSourceDlq`: the destination binds itself, with its ARN, the permission the
/// function's role needs to deliver there, and the `Type` SAM takes for it.
///
/// Adding a destination is one file holding the conformance and a factory on
/// `FailureDestination`, like `QueueDestination.swift`. Lambda also takes an S3 bucket for
/// Kinesis and DynamoDB streams; its file (`BucketDestination.swift`, once the Bucket L2
/// exists) grants what Lambda documents for it, s3:PutObject on the bucket's objects and
/// s3:ListBucket on the bucket, and names SAM's `Type: S3`. SAM grants PutObject on
/// `!Join ['/', [<arn>, '*']]`, which may be spelled differently from the bucket's own object
/// ARN, so the conformance states SAM's form as `samGrantedStatements` for the folded role to
/// leave out (with the bucket's names for its ARNs and actions):
///
///     extension Bucket: OnFailureDestination {
///         public var destinationArn: Value<String> { arn }
///         public var deliveryStatements: [PolicyStatement] { [
///             PolicyStatement(sid: "PutFailedRecordsIn\(logicalID)", actions: [S3Action.putObject], resources: [objectsArn]),
///             PolicyStatement(sid: "ListFailedRecordsIn\(logicalID)", actions: [S3Action.listBucket], resources: [arn]),
///         ] }
///         public var samDestinationType: String? { "S3" }
///         public var samGrantedStatements: [PolicyStatement] { [
///             PolicyStatement(actions: [S3Action.putObject], resources: [Fn.join("/", [arn, "*"])]),
///             PolicyStatement(actions: [S3Action.listBucket], resources: [arn]),
///         ] }
///     }
///     extension FailureDestination {
///         public static func bucket(_ bucket: Bucket) -> FailureDestination { FailureDestination(bucket) }
///     }
public protocol OnFailureDestination {
    /// `DestinationConfig.OnFailure.Destination`.
    var destinationArn: Value<String> { get }
    /// What the function's role needs to deliver there (granted when the mapping is made).
    var deliveryStatements: [PolicyStatement] { get }
    /// `DestinationConfig.OnFailure.Type` in SAM, which makes SAM grant the delivery to the
    /// role it generates; nil when SAM has no type for it (the statements then stay in the
    /// function's Policies).
    var samDestinationType: String? { get }
    /// What SAM's generated role gets for `samDestinationType`, Sids aside; the folded role
    /// leaves these out. The delivery statements by default.
    var samGrantedStatements: [PolicyStatement] { get }
}

extension OnFailureDestination {
    public var samGrantedStatements: [PolicyStatement] { deliveryStatements }
}

/// A mapping's on-failure destination: `.queue(failed)`, `.topic(alerts)`, or any
/// `OnFailureDestination` through `FailureDestination(_:)`.
public struct FailureDestination {
    public let target: any OnFailureDestination

    public init(_ target: any OnFailureDestination) {
        self.target = target
    }
}

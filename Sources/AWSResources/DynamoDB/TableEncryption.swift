import AWSDynamoDB
import CloudFormation

/// Server-side encryption at rest. DynamoDB always encrypts; this chooses whose key.
public enum TableEncryption: Hashable, Sendable {
    /// A key AWS owns and manages outside the account (CloudFormation's default when
    /// SSESpecification is absent). No KMS charges, but no CloudTrail record of key use.
    case awsOwnedKey
    /// The account's AWS managed key `aws/dynamodb` (`SSEEnabled: true`). Key use shows in
    /// CloudTrail and callers need no KMS permissions; KMS request charges apply.
    case awsManagedKey

    var cfnSpecification: CfnTable.SSESpecification? {
        switch self {
        case .awsOwnedKey: nil
        case .awsManagedKey: CfnTable.SSESpecification(sseEnabled: true)
        }
    }
}

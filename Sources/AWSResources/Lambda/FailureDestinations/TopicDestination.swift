import CloudFormation

/// An SNS topic as an on-failure destination: `sns:Publish` on the topic; SAM's `Type: SNS`
/// (SAM writes the action `sns:publish`; IAM compares actions without case).
extension Topic: OnFailureDestination {
    public var destinationArn: Value<String> { arn }
    public var deliveryStatements: [PolicyStatement] {
        [PolicyStatement(sid: "PublishFailedRecordsTo\(logicalID)", actions: [SNSAction.publish], resources: [arn])]
    }
    public var samDestinationType: String? { "SNS" }
}

extension FailureDestination {
    public static func topic(_ topic: Topic) -> FailureDestination { FailureDestination(topic) }
}

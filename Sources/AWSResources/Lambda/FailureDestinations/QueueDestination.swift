import CloudFormation

/// An SQS queue as an on-failure destination: `sqs:SendMessage` on the queue; SAM's `Type: SQS`.
extension Queue: OnFailureDestination {
    public var destinationArn: Value<String> { arn }
    public var deliveryStatements: [PolicyStatement] {
        [PolicyStatement(sid: "SendFailedRecordsTo\(logicalID)", actions: [SQSAction.sendMessage], resources: [arn])]
    }
    public var samDestinationType: String? { "SQS" }
}

extension FailureDestination {
    public static func queue(_ queue: Queue) -> FailureDestination { FailureDestination(queue) }
}

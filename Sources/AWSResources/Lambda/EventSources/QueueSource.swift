import CloudFormation

/// An SQS queue as an event source: `Type: SQS` in SAM, no starting position, filters on the
/// message's JSON `body`. The read grant is what Lambda documents for polling a queue:
/// ReceiveMessage, DeleteMessage and GetQueueAttributes on the queue's ARN.
extension Queue: QueueEventSource {
    public var eventSourceArn: Value<String> { arn }
    public var mappingIDStem: String { logicalID }
    public var sourceDescription: String { "the queue \(logicalID)" }
    public var kindDescription: String { "SQS queue" }
    public var samEvent: SAMEventSource {
        SAMEventSource(type: "SQS", arnProperty: "Queue", managedPolicy: .sqsQueueExecution)
    }

    public func bind(_ mapping: EventSourceMapping) {
        let arn = arn
        let sid = "Receive\(logicalID)Messages"
        mapping.function.grantTarget.grant(.automatic(reason: "to receive messages from \(sourceDescription)")) {
            PolicyStatement(sid: sid, actions: [SQSAction.receiveMessage, SQSAction.deleteMessage, SQSAction.getQueueAttributes], resources: [arn])
        }
    }

    public func pattern(of filter: RecordFilter, number: Int) -> FilterPattern {
        filter.pattern(payloadKey: "body", number: number)
    }
}

extension SAMManagedPolicy {
    /// AWSLambdaSQSQueueExecutionRole v1, for an SQS event.
    public static let sqsQueueExecution = SAMManagedPolicy(name: "AWSLambdaSQSQueueExecutionRole", actions: logs + [
        "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
    ])
}

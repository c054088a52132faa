import CloudFormation

/// Where a stream mapping sends the metadata of records it gives up on.
public enum FailureDestination {
    case queue(Queue)
    case topic(Topic)

    var arn: Value<String> {
        switch self {
        case .queue(let queue): queue.arn
        case .topic(let topic): topic.arn
        }
    }

    /// The statement that lets the function's role deliver to the destination.
    var permission: PolicyStatement {
        switch self {
        case .queue(let queue):
            PolicyStatement(sid: "SendFailedRecordsTo\(queue.logicalID)", actions: [SQSAction.sendMessage], resources: [queue.arn])
        case .topic(let topic):
            PolicyStatement(sid: "PublishFailedRecordsTo\(topic.logicalID)", actions: [SNSAction.publish], resources: [topic.arn])
        }
    }
}

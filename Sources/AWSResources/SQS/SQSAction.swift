/// SQS actions.
public enum SQSAction: String, IAMAction, CaseIterable, Hashable {
    case changeMessageVisibility = "sqs:ChangeMessageVisibility"
    case deleteMessage = "sqs:DeleteMessage"
    case getQueueAttributes = "sqs:GetQueueAttributes"
    case getQueueUrl = "sqs:GetQueueUrl"
    case receiveMessage = "sqs:ReceiveMessage"
    case sendMessage = "sqs:SendMessage"
}

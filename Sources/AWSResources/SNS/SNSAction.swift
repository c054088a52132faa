/// SNS actions.
public enum SNSAction: String, IAMAction, CaseIterable, Hashable {
    case getTopicAttributes = "sns:GetTopicAttributes"
    case publish = "sns:Publish"
    case subscribe = "sns:Subscribe"
}

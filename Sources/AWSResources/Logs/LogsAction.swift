/// CloudWatch Logs actions.
public enum LogsAction: String, IAMAction, CaseIterable, Hashable {
    case createLogGroup = "logs:CreateLogGroup"
    case createLogStream = "logs:CreateLogStream"
    case describeLogGroups = "logs:DescribeLogGroups"
    case describeLogStreams = "logs:DescribeLogStreams"
    case putLogEvents = "logs:PutLogEvents"
}

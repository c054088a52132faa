import CloudFormation

/// What an alarm notifies when its state changes: an SNS topic of the app, or the ARN of
/// one made elsewhere (a stack parameter for a console-created ops topic). Open, as CDK's
/// `IAlarmAction`: anything with an ARN CloudWatch can act on may conform.
public protocol AlarmAction {
    /// The ARN CloudWatch calls when the alarm enters the state.
    var alarmActionARN: Value<String> { get }
}

extension Topic: AlarmAction {
    public var alarmActionARN: Value<String> { arn }
}

/// An ARN given as a value: `stack.parameter("AlarmTopicArn", .string, ...)`, or a literal.
extension Value: AlarmAction where Kind == String {
    public var alarmActionARN: Value<String> { self }
}

/// CloudFormation's pseudo parameters.
public enum AWS {
    public static let region = pseudo("AWS::Region")
    public static let accountID = pseudo("AWS::AccountId")
    public static let partition = pseudo("AWS::Partition")
    public static let stackName = pseudo("AWS::StackName")
    public static let stackID = pseudo("AWS::StackId")
    public static let urlSuffix = pseudo("AWS::URLSuffix")
    public static let notificationARNs = Value<[String]>(unchecked: .intrinsic(.ref(ReferenceTarget("AWS::NotificationARNs"))))

    /// `AWS::NoValue`: removes the property it is assigned to, usually inside an Fn::If.
    public static func noValue<Kind>(_ kind: Kind.Type = Kind.self) -> Value<Kind> {
        Value(unchecked: .intrinsic(.ref(ReferenceTarget("AWS::NoValue"))))
    }

    /// The pseudo parameters CloudFormation defines; a Ref to any other `AWS::` name is dangling.
    public static let pseudoParameterNames: Set<String> = [
        "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::StackId",
        "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs",
    ]

    private static func pseudo(_ name: String) -> Value<String> {
        Value(unchecked: .intrinsic(.ref(ReferenceTarget(name))))
    }
}

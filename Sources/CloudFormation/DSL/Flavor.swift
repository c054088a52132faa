/// The dialect a stack renders in: plain CloudFormation, or SAM (the serverless transform).
public enum Flavor: String, Hashable, Sendable, CaseIterable {
    case cloudFormation
    case sam

    /// The transform that SAM-flavored templates declare.
    public static let serverlessTransform = "AWS::Serverless-2016-10-31"

    /// The file name suffix in out/: `<stack>.yaml` or `<stack>.sam.yaml`.
    public var fileSuffix: String {
        switch self {
        case .cloudFormation: ".yaml"
        case .sam: ".sam.yaml"
        }
    }
}

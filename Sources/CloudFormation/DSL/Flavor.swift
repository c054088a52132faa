/// The dialect a stack renders in: plain CloudFormation, or SAM (the serverless transform).
public enum Flavor: String, Hashable, Sendable, CaseIterable {
    case cloudFormation
    case sam

    /// The file name suffix in out/: `<stack>.yaml` or `<stack>.sam.yaml`.
    public var fileSuffix: String {
        switch self {
        case .cloudFormation: ".yaml"
        case .sam: ".sam.yaml"
        }
    }
}

/// STS actions; `assumeRole` is the action of every trust policy.
public enum STSAction: String, IAMAction, CaseIterable, Hashable {
    case assumeRole = "sts:AssumeRole"
    case getCallerIdentity = "sts:GetCallerIdentity"
    case tagSession = "sts:TagSession"
}

/// How much `infra diff` reads from a template that came from elsewhere (`--against`, out/):
/// bounds that keep time and memory small and linear whatever the file holds.
///
/// Nesting is bounded by the parser (`Parser.maximumDepth`, 512 levels) and anchors and
/// aliases are refused by it, so no alias can expand (billion laughs).
public enum InputLimits {
    /// CloudFormation's own quota for a template body in S3 (1 MB, raised from 460,800 bytes
    /// in 2020): no deployed stack has a larger template.
    public static let maximumTemplateBytes = 1024 * 1024
    /// The largest file read: room for a 1 MB template saved by `aws cloudformation
    /// get-template`, whose JSON string escapes lengthen it. Larger files are refused before
    /// they are read.
    public static let maximumFileBytes = 4 * 1024 * 1024
    /// The most read from a folder, all its templates together: 64 templates of the largest
    /// size CloudFormation accepts, so that a folder of many large files stays small too.
    public static let maximumFolderBytes = 64 * 1024 * 1024

    /// `1.5 MiB`, `4 MiB`, `812 bytes`.
    static func size(_ bytes: Int) -> String {
        guard bytes >= 1024 * 1024 else { return bytes >= 1024 ? "\(bytes / 1024) KiB" : "\(bytes) bytes" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}

import CloudFormation

/// Where a function's code comes from.
public enum FunctionCode: Hashable, Sendable {
    /// A source file under the project (e.g. `templates/<function>/index.py`), read at
    /// synthesis and inlined as `Code.ZipFile`. CloudFormation saves it as `index.<ext>`, so
    /// the handler is `index.<function>`. Python and Node.js only, at most 4096 characters.
    case inline(file: String)
    /// A deployment package in S3.
    case s3(bucket: Value<String>, key: Value<String>, objectVersion: Value<String>? = nil)

    /// The ZipFile limit CloudFormation applies to inline code.
    public static let inlineCharacterLimit = 4096
}

import CloudFormation

/// Where a function's code comes from.
public enum FunctionCode: Hashable, Sendable {
    /// A source file under the project (e.g. `templates/<function>/index.py`), read at
    /// synthesis and inlined as `Code.ZipFile`. CloudFormation saves it as `index.<ext>`, so
    /// the handler is `index.<function>`. Python and Node.js only. CloudFormation limits the
    /// zipped file to 4 MB (its old 4096-character limit is gone); in practice the template
    /// body quota (51,200 bytes) is what bounds it, and synthesis checks that.
    case inline(file: String)
    /// A deployment package in S3.
    case s3(bucket: Value<String>, key: Value<String>, objectVersion: Value<String>? = nil)
}

import CloudFormation

/// Where a function's code comes from.
public enum FunctionCode: Hashable, Sendable {
    /// A source file under the project (e.g. `templates/<function>/index.py`), read at
    /// synthesis and inlined as `Code.ZipFile`. CloudFormation saves it as `index.<ext>`, so
    /// the handler is `index.<function>`. Python and Node.js only. CloudFormation limits the
    /// zipped file to 4 MB (its old 4096-character limit is gone); in practice the template
    /// body quota (51,200 bytes) is what bounds it, and synthesis checks that.
    case inline(file: String)
    /// A folder under the project (e.g. `templates/<function>`) that `aws cloudformation
    /// package` zips and uploads. The template refers to it relative to the template's folder
    /// (`Code: ../templates/<function>/`, SAM `CodeUri`), and records its content hash in the
    /// resource's Metadata (`infra: {codeHash: sha256:...}`), so that `infra diff` reports a
    /// code change. A Python folder with `requirements.txt` (Node.js: `package.json`) is built
    /// first into `.infra-build/<folder>` (see `AssetBuild`), and the template points there.
    case folder(String)
    /// A zip file under the project, uploaded as it is by `aws cloudformation package`.
    case zip(file: String)
    /// A deployment package in S3.
    case s3(bucket: Value<String>, key: Value<String>, objectVersion: Value<String>? = nil)
}

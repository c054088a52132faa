import CloudFormation

/// A function's `Code` as SAM writes it: `InlineCode` for a ZipFile, `CodeUri` with
/// Bucket, Key and Version for a package in S3, `CodeUri` as a path for local code.
enum ServerlessCode {
    /// nil for a shape SAM has no property for (e.g. an `ImageUri` set by an override).
    static func properties(for code: TemplateValue) -> Fields? {
        // A local path that `aws cloudformation package` uploads: CodeUri takes it as it is.
        if case .string = code { return ["CodeUri": code] }
        guard let fields = code.objectFields else { return nil }
        if let source = fields["ZipFile"], fields.count == 1 {
            return ["InlineCode": source]
        }
        guard let bucket = fields["S3Bucket"], let key = fields["S3Key"],
              fields.keys.allSatisfy(["S3Bucket", "S3Key", "S3ObjectVersion"].contains) else { return nil }
        var uri = Fields()
        uri["Bucket"] = bucket
        uri["Key"] = key
        uri["Version"] = fields["S3ObjectVersion"]
        return ["CodeUri": .object(uri)]
    }
}

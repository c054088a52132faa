import AWSLambda
import CloudFormation

/// A function's code as SAM writes it: `InlineCode` for a ZipFile, `CodeUri` with
/// Bucket, Key and Version for a package in S3, `CodeUri` as a path for local code.
enum ServerlessCode {
    /// nil for a shape SAM has no property for (e.g. an `ImageUri` set by an override).
    static func properties(for function: DeployedFunction) -> Fields? {
        // A local path that `aws cloudformation package` uploads: CodeUri takes it as it is.
        if let path = function.localCodePath { return ["CodeUri": .string(path)] }
        let code = function.resource.code
        if let source = code.zipFile, rendersAlone(CfnFunction.Code(zipFile: source), code) {
            return ["InlineCode": source.raw]
        }
        guard let bucket = code.s3Bucket, let key = code.s3Key,
              rendersAlone(CfnFunction.Code(s3Bucket: bucket, s3Key: key, s3ObjectVersion: code.s3ObjectVersion), code) else { return nil }
        var uri = Fields()
        uri["Bucket"] = bucket.raw
        uri["Key"] = key.raw
        uri["Version"] = code.s3ObjectVersion?.raw
        return ["CodeUri": .object(uri)]
    }

    /// Whether `code` holds nothing beyond `part`: SAM would drop whatever else it has.
    private static func rendersAlone(_ part: CfnFunction.Code, _ code: CfnFunction.Code) -> Bool {
        part.templateValue == code.templateValue
    }
}

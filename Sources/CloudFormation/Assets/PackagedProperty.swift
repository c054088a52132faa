/// Properties that `aws cloudformation package` rewrites: a local path there becomes the
/// uploaded object's S3 location. Validation checks such a property as its packaged form.
public enum PackagedProperty {
    /// Type -> (property, what package writes in place of a path).
    static let packaged: [String: (property: String, placeholder: TemplateValue)] = [
        "AWS::Lambda::Function": ("Code", .object(["S3Bucket": "packaged-bucket", "S3Key": "packaged-key"])),
        "AWS::Lambda::LayerVersion": ("Content", .object(["S3Bucket": "packaged-bucket", "S3Key": "packaged-key"])),
        "AWS::CloudFormation::Stack": ("TemplateURL", "https://s3.amazonaws.com/packaged-bucket/packaged-key"),
    ]

    /// The properties as they will be after packaging: a local path (a string where package
    /// looks for one) replaced by the S3 form.
    public static func asPackaged(_ properties: Fields, type: String) -> Fields {
        guard let entry = packaged[type], let value = properties[entry.property],
              case .string(let path) = value, isLocalPath(path) else { return properties }
        var result = properties
        result[entry.property] = entry.placeholder
        return result
    }

    /// Whether package treats the string as a local path (not an S3 or HTTP URL).
    public static func isLocalPath(_ text: String) -> Bool {
        !text.hasPrefix("s3://") && !text.hasPrefix("http://") && !text.hasPrefix("https://")
    }
}

extension PackagedProperty {
    /// cfn-lint's W3002 ("This code may only work with 'package' cli command") flags every
    /// local path: that is the design, so a resource with one silences it, with the reason
    /// beside it as the acceptance suite requires.
    public static let lintRule = "W3002"
    public static let lintReason = "A local path that `aws cloudformation package` uploads: deploy the packaged template (the commands `infra synth` prints)."

    /// Metadata with W3002 ignored and its reason given, other entries kept.
    public static func withLintIgnore(_ metadata: Fields) -> Fields {
        var result = metadata
        var lint = metadata["cfn-lint"]?.objectEntries ?? Fields()
        var config = lint["config"]?.objectEntries ?? Fields()
        var ignored: [TemplateValue] = []
        if case .list(let items)? = config["ignore_checks"] { ignored = items }
        if !ignored.contains(.string(lintRule)) { ignored.append(.string(lintRule)) }
        config["ignore_checks"] = .list(ignored)
        lint["config"] = .object(config)
        result["cfn-lint"] = .object(lint)
        var infra = metadata["infra"]?.objectEntries ?? Fields()
        var reasons = infra["lintIgnoreReasons"]?.objectEntries ?? Fields()
        reasons[lintRule] = .string(lintReason)
        infra["lintIgnoreReasons"] = .object(reasons)
        result["infra"] = .object(infra)
        return result
    }
}

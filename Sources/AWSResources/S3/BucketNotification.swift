import AWSS3
import CloudFormation

/// One object-event notification of a bucket to a Lambda function, made by `bucket.notify`.
public struct BucketNotification {
    public let event: BucketEvent
    /// Only keys starting with this (`uploads/`).
    public let prefix: String?
    /// Only keys ending with this (`.jpg`).
    public let suffix: String?
    public let function: Function

    var rendered: CfnBucket.LambdaConfiguration {
        var rules: [CfnBucket.FilterRule] = []
        if let prefix { rules.append(.init(name: "prefix", value: Value(prefix))) }
        if let suffix { rules.append(.init(name: "suffix", value: Value(suffix))) }
        return .init(event: Value(event.rawValue), function: function.arn, filter: rules.isEmpty ? nil : .init(s3Key: .init(rules: rules)))
    }

    /// Whether an object key can match both filters: each prefix starts the other (or is
    /// absent), and likewise each suffix ends the other.
    func keysOverlap(with other: BucketNotification) -> Bool {
        func compatible(_ a: String?, _ b: String?, _ test: (String, String) -> Bool) -> Bool {
            guard let a, let b else { return true }
            return test(a, b) || test(b, a)
        }
        return compatible(prefix, other.prefix) { $0.hasPrefix($1) } && compatible(suffix, other.suffix) { $0.hasSuffix($1) }
    }
}

import CloudFormation

/// The bucket's name as the template writes it, and when it can be written without
/// referring to the bucket (see `Bucket.notify` for why that matters).
enum BucketNaming {
    /// A stack ID ends in a 36-character GUID: `arn:...:stack/<name>/<guid>`.
    static let stackGUIDLength = 36

    /// The BucketName property: the given name; else, for a bucket that notifies a
    /// function, the generated one; else none (CloudFormation generates one).
    static func renderedName(of bucket: Bucket) -> Value<String>? {
        bucket.bucketName ?? (bucket.notifications.isEmpty ? nil : generatedName(logicalID: bucket.logicalID))
    }

    /// `<logical id, lowercased>-<stack GUID>`: unique in the partition (the GUID is),
    /// stable across updates (a stack keeps its ID), and known to the stack's own template
    /// without a reference to the bucket.
    static func generatedName(logicalID: String) -> Value<String> {
        Fn.join("-", [Value(generatedPrefix(logicalID: logicalID)), Fn.select(2, Fn.split("/", AWS.stackID))])
    }

    /// The logical ID lowercased, cut to what leaves room for `-<GUID>` in 63 characters.
    static func generatedPrefix(logicalID: String) -> String {
        String(logicalID.lowercased().prefix(BucketNameRules.length.upperBound - 1 - stackGUIDLength))
    }

    /// What the generated name looks like once deployed, to check it against the naming rules.
    static func generatedSample(logicalID: String) -> String {
        generatedPrefix(logicalID: logicalID) + "-" + "0123abcd-0123-0123-0123-0123456789ab"
    }

    /// The name for ARNs in a template of `stack`, when they must not refer to the bucket:
    /// only when the bucket notifies a function (it depends on the permission, and often on
    /// the function's role), and only where the name means the same. A generated name uses
    /// the stack's own ID, and a parameter is its stack's own, so another stack gets the name
    /// only when it is literal text (and otherwise refers to the bucket, across stacks).
    static func nameWithoutReference(of bucket: Bucket, usedFrom stack: String?) -> Value<String>? {
        guard !bucket.notifications.isEmpty, let name = renderedName(of: bucket) else { return nil }
        if stack == bucket.stackName || name.literal != nil { return name }
        return nil
    }
}

/// The ARNs a statement names: the bucket's GetAtt, or built from its name where the
/// template must not refer to the bucket (`BucketNaming.nameWithoutReference`).
struct BucketARN {
    /// `arn:<partition>:s3:::<name>`.
    let bucket: Value<String>
    private let objectsMatching: (String) -> Value<String>

    init(of resource: Bucket, usedFrom stack: String?) {
        if let name = BucketNaming.nameWithoutReference(of: resource, usedFrom: stack) {
            bucket = "arn:\(AWS.partition):s3:::\(name)"
            objectsMatching = { "arn:\(AWS.partition):s3:::\(name)/\($0)" }
        } else {
            let arn = resource.arn
            bucket = arn
            objectsMatching = { "\(arn)/\($0)" }
        }
    }

    /// `<bucket arn>/<prefix>*`: the objects whose keys start with `prefix` (all when nil).
    func objects(prefix: String?) -> Value<String> {
        objectsMatching((prefix ?? "") + "*")
    }
}

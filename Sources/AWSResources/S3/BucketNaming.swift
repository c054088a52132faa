import CloudFormation

/// The bucket's name as the template writes it, and when it can be written without
/// referring to the bucket (see `Bucket.notify` for why that matters).
enum BucketNaming {
    /// A stack ID ends in a 36-character GUID: `arn:...:stack/<name>/<guid>`.
    static let stackGUIDLength = 36

    /// A name the template knows without the bucket.
    enum Name {
        /// `bucketName`.
        case given(Value<String>)
        /// `<prefix>-<GUID of the stack ID>`.
        case generated(prefix: String)

        /// `<before><name><after>` as one value (one Fn::Sub).
        func spelled(before: Value<String> = "", after: String = "") -> Value<String> {
            switch self {
            case .given(let name): "\(before)\(name)\(after)"
            case .generated(let prefix): "\(before)\(prefix)-\(Fn.select(2, Fn.split("/", AWS.stackID)))\(after)"
            }
        }

        var isLiteral: Bool {
            if case .given(let name) = self { return name.literal != nil }
            return false
        }
    }

    /// The BucketName property's source: the given name; else, for a bucket that notifies a
    /// function, the generated one; else none (CloudFormation generates one).
    static func name(of bucket: Bucket) -> Name? {
        if let given = bucket.bucketName { return .given(given) }
        return bucket.notifications.isEmpty ? nil : .generated(prefix: generatedPrefix(logicalID: bucket.logicalID))
    }

    static func renderedName(of bucket: Bucket) -> Value<String>? {
        name(of: bucket)?.spelled()
    }

    /// The logical ID lowercased, cut to what leaves room for `-<GUID>` in 63 characters. The
    /// GUID makes the name unique in the partition and stable for the stack's life (a stack
    /// keeps its ID across updates).
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
    static func nameWithoutReference(of bucket: Bucket, usedFrom stack: String?) -> Name? {
        guard !bucket.notifications.isEmpty, let name = name(of: bucket) else { return nil }
        return stack == bucket.stackName || name.isLiteral ? name : nil
    }
}

/// The ARNs a statement names: the bucket's GetAtt, or built from its name where the
/// template must not refer to the bucket (`BucketNaming.nameWithoutReference`).
struct BucketARN {
    private let name: BucketNaming.Name?
    private let arn: Value<String>

    init(of resource: Bucket, usedFrom stack: String?) {
        name = BucketNaming.nameWithoutReference(of: resource, usedFrom: stack)
        arn = resource.arn
    }

    /// `arn:<partition>:s3:::<name>`.
    var bucket: Value<String> {
        name?.spelled(before: "arn:\(AWS.partition):s3:::") ?? arn
    }

    /// `<bucket arn>/<prefix>*`: the objects whose keys start with `prefix` (all when nil).
    func objects(prefix: String?) -> Value<String> {
        let pattern = "/" + (prefix ?? "") + "*"
        return name?.spelled(before: "arn:\(AWS.partition):s3:::", after: pattern) ?? "\(arn)\(pattern)"
    }
}

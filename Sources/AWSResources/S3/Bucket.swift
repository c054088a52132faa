import AWSLambda
import AWSS3
import CloudFormation

/// An S3 bucket (`AWS::S3::Bucket`), rendered through the generated `CfnBucket`, with its
/// bucket policy and the invoke permissions of the functions it notifies.
///
///     let uploads = stack.add(Bucket("Avatars", versioned: true, lifecycleRules: [
///         LifecycleRule(noncurrentVersionExpirationDays: 30, abortIncompleteMultipartUploadDays: 7),
///     ]))
///     uploads.notify(on: .objectCreated, prefix: "uploads/", suffix: ".jpg", resizer)
///     uploads.grantRead(resizer, prefix: "uploads/")
///
/// Defaults for a stateful resource that is easy to expose: all four public access block
/// settings on (no typed setting turns them off; an override that does is warned about),
/// object ownership BucketOwnerEnforced (ACLs disabled), SSE-S3 encryption (see
/// `BucketEncryption` for KMS), a bucket policy that denies every request not made over TLS,
/// and DeletionPolicy and UpdateReplacePolicy Retain. Versioning is off unless asked for.
public final class Bucket: Resource, HasAttributes {
    public typealias Attribute = CfnBucket.Attribute

    /// A fixed name (3 to 63 characters; see `BucketNameRules`). Bucket names are global to
    /// the partition, and a named bucket cannot be replaced in place. Leave it nil to let
    /// CloudFormation generate one, unless the bucket notifies a function (see `notify`).
    public var bucketName: Value<String>?
    /// Fixed at creation: grants made afterwards name its key.
    public let encryption: BucketEncryption
    /// Keeps every version of every object (overwrites and deletes become recoverable).
    public var versioned: Bool
    public var lifecycleRules: [LifecycleRule]
    public var tags: ResourceTags
    public private(set) var notifications: [BucketNotification] = []
    /// The bucket policy (`<Bucket>Policy`): TLS-only. Rendered with the bucket; reach it
    /// here for `addPropertyOverride`, not through `stack.add`.
    public private(set) lazy var policy = CfnBucketPolicy("\(logicalID)Policy", bucket: ref, policyDocument: .object(Fields()))
    /// One `lambda:InvokeFunction` permission per notified function, rendered with the bucket.
    public private(set) var invokePermissions: [CfnPermission] = []

    /// The typed model as `properties(in:)` built it, so that the rules know which
    /// properties an override replaced (by comparing it with the decoded deployed bucket).
    private var lastModel: CfnBucket?

    /// - Parameters:
    ///   - encryption: SSE-S3 by default: S3 encrypts every object, and readers and writers
    ///     need no KMS permissions.
    ///   - versioned: off by default, as in CloudFormation and CDK.
    public init(
        _ logicalID: String,
        bucketName: Value<String>? = nil,
        encryption: BucketEncryption = .s3Managed,
        versioned: Bool = false,
        lifecycleRules: [LifecycleRule] = [],
        tags: ResourceTags = [:]
    ) {
        self.bucketName = bucketName
        self.encryption = encryption
        self.versioned = versioned
        self.lifecycleRules = lifecycleRules
        self.tags = tags
        super.init(logicalID: logicalID, type: "AWS::S3::Bucket")
        deletionPolicy = .retain
        updateReplacePolicy = .retain
    }

    /// The bucket's name (its Ref).
    public var name: Value<String> { ref }
    /// `arn:<partition>:s3:::<name>`.
    public var arn: Value<String> { attribute(.arn) }
    /// `<name>.s3.amazonaws.com`.
    public var domainName: Value<String> { attribute(.domainName) }
    /// `<name>.s3.<region>.amazonaws.com`: what clients outside us-east-1 should use.
    public var regionalDomainName: Value<String> { attribute(.regionalDomainName) }

    public func addLifecycleRule(_ rule: LifecycleRule) {
        lifecycleRules.append(rule)
    }

    /// Invokes `function` on `event` for keys matching `prefix` and `suffix`, and adds the
    /// permission S3 needs (`lambda:InvokeFunction` for `s3.amazonaws.com`, from this
    /// bucket's ARN and this account), one per function.
    ///
    /// S3 checks that it may invoke the function when the notification is configured, that
    /// is when the bucket is created. So the bucket depends on the permission, and the
    /// permission must not refer to the bucket (a cycle: bucket -> permission -> bucket).
    /// CDK breaks it with a custom resource that configures notifications after the bucket;
    /// SAM drops SourceArn and allows any bucket of the account. Here the permission's
    /// SourceArn is built from a name the template knows without the bucket: `bucketName`
    /// when given, otherwise a name generated from the logical ID and the stack's ID
    /// (`<logical id>-<stack guid>`, unique and stable for the stack's life). Grants to a
    /// role in the same stack use the same name-built ARN, so a notified function may also
    /// be granted access to the bucket. A function notified by the bucket reads the bucket's
    /// name from the event (`Records[].s3.bucket.name`): an environment variable holding
    /// `bucket.name` would close a cycle, which synthesis reports.
    ///
    /// Notifying a bucket that was deployed without a name gives it the generated name, which
    /// replaces it (`infra diff` reports it); set `bucketName` to its current name to keep it.
    public func notify(on event: BucketEvent = .objectCreated, prefix: String? = nil, suffix: String? = nil, _ function: Function) {
        if !notifications.contains(where: { $0.function === function }) {
            invokePermissions.append(CfnPermission(
                "\(logicalID)Invoke\(function.logicalID)",
                action: Value(LambdaAction.invokeFunction.actionName),
                functionName: function.arn,
                principal: "s3.amazonaws.com",
                sourceAccount: AWS.accountID
            ))
        }
        notifications.append(BucketNotification(event: event, prefix: prefix, suffix: suffix, function: function))
    }

    /// The notified functions, once each, in the order of their permissions.
    private var notifiedFunctions: [Function] {
        var functions: [Function] = []
        for notification in notifications where !functions.contains(where: { $0 === notification.function }) {
            functions.append(notification.function)
        }
        return functions
    }

    public override func synthesize(in context: SynthesisContext) {
        var bucket = definition(in: context)
        for permission in invokePermissions where !bucket.dependsOn.contains(permission.logicalID) {
            bucket.dependsOn.append(permission.logicalID)
        }
        context.add(bucket)

        // References are made now, when every resource knows its stack.
        policy.bucket = ref
        policy.condition = condition
        policy.policyDocument = BucketPolicy.tlsOnly(arn).rendered
        context.add(policy.definition(in: context))
        for (permission, function) in zip(invokePermissions, notifiedFunctions) {
            permission.functionName = function.arn
            permission.sourceArn = BucketARN(of: self, usedFrom: stackName).bucket
            permission.condition = condition
            context.add(permission.definition(in: context))
        }
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        let model = CfnBucket(
            logicalID,
            bucketEncryption: encryption.rendered,
            bucketName: BucketNaming.renderedName(of: self),
            lifecycleConfiguration: lifecycleRules.isEmpty ? nil : .init(rules: lifecycleRules.enumerated().map { position, rule in
                rule.rendered(id: rule.id ?? "Rule\(position + 1)")
            }),
            notificationConfiguration: notifications.isEmpty ? nil : .init(lambdaConfigurations: notifications.map(\.rendered)),
            ownershipControls: BucketDefaults.ownershipControls,
            publicAccessBlockConfiguration: BucketDefaults.publicAccessBlock,
            tags: tags.isEmpty ? nil : tags.pairs.map { CfnBucket.Tag(key: Value($0.key), value: $0.value) },
            versioningConfiguration: versioned ? .init(status: .enabled) : nil
        )
        lastModel = model
        return model.properties(in: context)
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        // A bucket has no required property, so what deploys always decodes.
        guard let deployed = DeployedProperties<CfnBucket>(properties, of: self, in: context)?.resource,
              let typed = lastModel else { return }
        // A property an override replaced is checked by the catalog, not by the typed rules.
        BucketRules.validate(self, overridden: BucketOverride(typed: typed, deployed: deployed), in: context)
        // S3 has no snapshot that CloudFormation can take (as for a table).
        if deletionPolicy == .snapshot {
            context.error(self, path: "DeletionPolicy", "an S3 bucket does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete")
        }
        if updateReplacePolicy == .snapshot {
            context.error(self, path: "UpdateReplacePolicy", "an S3 bucket does not support the Snapshot policy; use Retain, RetainExceptOnCreate or Delete")
        }
        BucketOverrideChecks.check(deployed, typed: typed, of: self, in: context)
        ResourceTags.validate(deployed.tags, of: self, in: context)
    }
}

import CloudFormation

// Least-privilege grants on a bucket or on the keys under a prefix, as CDK's grantRead,
// grantWrite, grantPut, grantDelete and grantReadWrite, but with exact actions: object
// actions on `<arn>/<prefix>*`, ListBucket on the bucket ARN (limited to the prefix with an
// `s3:prefix` condition), and, for a customer managed KMS key, the key actions S3 performs
// for the caller, on that key only and only through S3. Statements are built at synthesis,
// so versioning and notifications set after the grant count.
extension Bucket {
    /// Reading objects: GetObject (and GetObjectVersion in a versioned bucket) on the
    /// objects, ListBucket on the bucket, kms:Decrypt on a customer key. Sids
    /// `Read<Bucket>[<Prefix>]` and `List<Bucket>[<Prefix>]`.
    public func grantRead(_ grantee: Grantee, prefix: String? = nil, sid: String? = nil) {
        grantAccess(grantee, verb: "Read", prefix: prefix, sid: sid, reads: true, objectActions: { bucket in bucket.readActions })
    }

    /// Writing objects: PutObject and AbortMultipartUpload, and DeleteObject. Sid `Write<Bucket>[<Prefix>]`.
    public func grantWrite(_ grantee: Grantee, prefix: String? = nil, sid: String? = nil) {
        grantAccess(grantee, verb: "Write", prefix: prefix, sid: sid, writes: true, objectActions: { _ in S3Action.putObjects + S3Action.deleteObjects })
    }

    /// Putting objects only: PutObject and AbortMultipartUpload. Sid `Put<Bucket>[<Prefix>]`.
    public func grantPut(_ grantee: Grantee, prefix: String? = nil, sid: String? = nil) {
        grantAccess(grantee, verb: "Put", prefix: prefix, sid: sid, writes: true, objectActions: { _ in S3Action.putObjects })
    }

    /// Deleting objects only: DeleteObject (a delete marker in a versioned bucket). Sid `Delete<Bucket>[<Prefix>]`.
    public func grantDelete(_ grantee: Grantee, prefix: String? = nil, sid: String? = nil) {
        grantAccess(grantee, verb: "Delete", prefix: prefix, sid: sid, objectActions: { _ in S3Action.deleteObjects })
    }

    /// `grantRead` and `grantWrite` together, objects in one statement. Sid `ReadWrite<Bucket>[<Prefix>]`.
    public func grantReadWrite(_ grantee: Grantee, prefix: String? = nil, sid: String? = nil) {
        grantAccess(grantee, verb: "ReadWrite", prefix: prefix, sid: sid, reads: true, writes: true, objectActions: { bucket in
            bucket.readActions + S3Action.putObjects + S3Action.deleteObjects
        })
    }

    /// Exactly these actions: object actions on the objects, bucket actions on the bucket
    /// (ListBucket and ListBucketVersions limited to the prefix). GetObject and
    /// GetObjectVersion bring kms:Decrypt on a customer key, PutObject kms:GenerateDataKey
    /// and kms:Decrypt. The Sid defaults to the action (`GetObjectTagging<Bucket>`), or
    /// `Access<Bucket>` for several.
    public func grant(_ grantee: Grantee, _ actions: S3Action..., prefix: String? = nil, sid: String? = nil) {
        let unique = Set(actions)
        let verb = unique.count == 1 ? NameRules.pascalCase(String(actions[0].rawValue.dropFirst("s3:".count))) : "Access"
        grantAccess(grantee, verb: verb, prefix: prefix, sid: sid,
                    reads: !unique.isDisjoint(with: [.getObject, .getObjectVersion]), writes: unique.contains(.putObject),
                    objectActions: actions.contains { !$0.actsOnBucket } ? { _ in actions.filter { !$0.actsOnBucket } } : nil,
                    bucketActions: actions.filter(\.actsOnBucket))
    }

    /// GetObject, and GetObjectVersion when there are versions to read.
    var readActions: [S3Action] {
        S3Action.readObjects + (versioned ? [.getObjectVersion] : [])
    }

    private func grantAccess(
        _ grantee: Grantee, verb: String, prefix: String?, sid: String?, reads: Bool = false, writes: Bool = false,
        objectActions: ((Bucket) -> [S3Action])?, bucketActions: [S3Action]? = nil
    ) {
        let subject = logicalID + (prefix.map(NameRules.pascalCase) ?? "")
        let base = sid ?? verb + subject
        // Reading needs ListBucket, as CDK's grantRead gives: without it a missing key is a
        // 403 rather than a 404, and the reader cannot list what it may read.
        let bucketActions = bucketActions ?? (reads ? [.listBucket] : [])
        let target = grantee.grantTarget
        if let objectActions {
            target.grant(.explicitGrant) { [self] in
                let arns = BucketARN(of: self, usedFrom: target.role?.stackName)
                return PolicyStatement(sid: base, actions: objectActions(self), resources: [arns.objects(prefix: prefix)])
            }
        }
        let listing = bucketActions.filter { $0 == .listBucket || $0 == .listBucketVersions }
        let other = bucketActions.filter { $0 != .listBucket && $0 != .listBucketVersions }
        if !listing.isEmpty {
            target.grant(.explicitGrant) { [self] in
                let arns = BucketARN(of: self, usedFrom: target.role?.stackName)
                let conditions = prefix.map { [PolicyCondition(.stringLike, "s3:prefix", Value("\($0)*"))] } ?? []
                return PolicyStatement(sid: "List" + subject, actions: listing, resources: [arns.bucket], conditions: conditions)
            }
        }
        if !other.isEmpty {
            target.grant(.explicitGrant) { [self] in
                PolicyStatement(sid: base + "Bucket", actions: other, resources: [BucketARN(of: self, usedFrom: target.role?.stackName).bucket])
            }
        }
        // kms:ViaService: the key serves these callers only through S3 in the stack's region.
        if reads || writes, let key = encryption.customerKeyARN {
            let actions: [KMSAction] = writes ? [.decrypt, .generateDataKey] : [.decrypt]
            target.grant(.explicitGrant) {
                PolicyStatement(sid: base + "Key", actions: actions, resources: [key],
                                conditions: [PolicyCondition(.stringEquals, "kms:ViaService", "s3.\(AWS.region).\(AWS.urlSuffix)")])
            }
        }
    }
}

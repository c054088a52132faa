import AWSKMS
import AWSLambda
import AWSS3
import AWSSQS
import Infra

/// Avatar uploads: an encrypted, private bucket whose new objects under `avatars/` invoke a
/// function, which queues one job per upload on an encrypted queue (with a dead-letter queue)
/// for the workers of the ECS cluster.
struct PlatformUploads {
    let bucket: CfnBucket
    let processor: Function
    let jobs: CfnQueue

    /// The job queue's URL: a queue's Ref, as CDK's `queueUrl` is. (`jobs.attrQueueUrl` says the
    /// same to CloudFormation, but moto 5.2.5, where the suite deploys it, lacks that attribute.)
    var jobsURL: Value<String> { jobs.ref }

    init(in stack: StackBuilder, key: CfnKey) {
        // The bucket's name and ARN are built from the account and region rather than read
        // from the bucket: the bucket depends on the invoke permission (S3 checks that it may
        // invoke the function when the notification is created), so the permission, and the
        // function's role, cannot refer to the bucket without a cycle.
        let bucketName: Value<String> = "cruddur-uploads-\(AWS.accountID)-\(AWS.region)"
        let bucketArn: Value<String> = "arn:\(AWS.partition):s3:::cruddur-uploads-\(AWS.accountID)-\(AWS.region)"

        // Jobs can be made again from the bucket, so the queues go with the stack.
        let deadLetters = stack.add(CfnQueue("UploadJobsDeadLetters", kmsMasterKeyId: key.attrArn, messageRetentionPeriod: 1_209_600))
        jobs = stack.add(CfnQueue("UploadJobs", kmsDataKeyReusePeriodSeconds: 300, kmsMasterKeyId: key.attrArn,
            messageRetentionPeriod: 345_600, redrivePolicy: ["deadLetterTargetArn": deadLetters.attrArn.raw, "maxReceiveCount": 5],
            visibilityTimeout: 60))
        for queue in [deadLetters, jobs] {
            queue.deletionPolicy = .delete
            queue.updateReplacePolicy = .delete
        }

        processor = stack.add(Function("UploadProcessor", description: "Queues a job for each new avatar upload",
            runtime: .python3_13, handler: "index.lambda_handler",
            code: .inline(file: "examples/platform/templates/upload-processor/index.py"),
            environment: ["QUEUE_URL": jobs.ref]))  // the queue URL, as jobsURL
        processor.role?.addToPolicy(PolicyStatement(sid: "SendUploadJobs", actions: [SQSAction.sendMessage], resources: [jobs.attrArn]))
        // SendMessage to a queue encrypted with a customer managed key needs these two on the key.
        processor.role?.addToPolicy(PolicyStatement(sid: "EncryptUploadJobs",
            actions: [UncheckedAction("kms:GenerateDataKey"), UncheckedAction("kms:Decrypt")], resources: [key.attrArn]))

        let invoke = stack.add(CfnPermission("UploadsInvokeProcessor", action: "lambda:InvokeFunction", functionName: processor.arn,
            principal: "s3.amazonaws.com", sourceAccount: AWS.accountID, sourceArn: bucketArn))

        bucket = stack.add(CfnBucket("Uploads",
            bucketEncryption: .init(serverSideEncryptionConfiguration: [
                .init(bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKms, kmsMasterKeyID: key.attrArn)),
            ]),
            bucketName: bucketName,
            notificationConfiguration: .init(lambdaConfigurations: [
                .init(event: "s3:ObjectCreated:*", function: processor.arn,
                      filter: .init(s3Key: .init(rules: [.init(name: "prefix", value: "avatars/")]))),
            ]),
            ownershipControls: .init(rules: [.init(objectOwnership: .bucketOwnerEnforced)]),
            publicAccessBlockConfiguration: .init(blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true),
            versioningConfiguration: .init(status: .enabled)))
        bucket.addDependency(on: invoke)
        bucket.deletionPolicy = .retain
        bucket.updateReplacePolicy = .retain

        // TLS only: a request over plain HTTP is denied whoever makes it.
        stack.add(CfnBucketPolicy("UploadsTLSOnly", bucket: bucket.ref, policyDocument: [
            "Version": "2012-10-17",
            "Statement": [[
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [bucket.attrArn.raw, ("\(bucket.attrArn)/*" as Value<String>).raw],
                "Condition": ["Bool": ["aws:SecureTransport": "false"]],
            ]],
        ]))
    }
}

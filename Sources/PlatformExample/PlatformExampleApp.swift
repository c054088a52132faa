import AWSECS
import AWSKMS
import Infra

/// The next steps of the Cruddur platform, written with the generated L1 classes of seven
/// services (EC2, ECS, KMS, S3, SQS, Lambda, SSM) beside a hand-written function and
/// `ParameterStoreString`: a VPC with two public subnets and their routes, an ECS cluster,
/// a customer managed key, an avatar-upload bucket that invokes a function, the job queue
/// the function feeds, and Parameter Store entries that tell services where all of it is.
/// Every reference between them is a typed value (`vpc.ref`, `key.attrArn`), never a name.
///
/// Its template is in examples/platform/out/ (`swift run platform-example synth`); the
/// acceptance suite's `platform-example` step lints it and deploys it to moto.
public func platformExampleApp() -> App {
    App("platform-example", environments: [Environment("prod", region: "us-east-1")]) { app in
        let stack = app.stack("cruddur-platform", description: "Cruddur platform: network, cluster, uploads and their parameters")

        let network = PlatformNetwork(in: stack)

        let key = stack.add(CfnKey("DataKey", description: "Encrypts the platform's uploads and job queues", enableKeyRotation: true,
            keyPolicy: [
                "Version": "2012-10-17",
                "Statement": [[
                    // The key policy every KMS key starts with: the account administers the key
                    // and IAM policies (such as the upload processor's role) grant its use. In a
                    // key policy, Resource "*" means this key and nothing else.
                    "Sid": "AccountAdministersThroughIAM",
                    "Effect": "Allow",
                    "Principal": ["AWS": ("arn:\(AWS.partition):iam::\(AWS.accountID):root" as Value<String>).raw],
                    "Action": "kms:*",
                    "Resource": "*",
                ]],
            ],
            pendingWindowInDays: 30))
        // The retained bucket's objects are encrypted with this key: without it they are unreadable.
        key.deletionPolicy = .retain
        key.updateReplacePolicy = .retain
        stack.add(CfnAlias("DataKeyAlias", aliasName: "alias/cruddur-platform", targetKeyId: key.ref))

        let cluster = stack.add(CfnCluster("Services", clusterName: "cruddur-platform",
            clusterSettings: [.init(name: "containerInsights", value: "enabled")]))

        let uploads = PlatformUploads(in: stack, key: key)

        stack.add(ParameterStoreString("VpcIdParameter", name: "/cruddur/platform/vpc-id", value: network.vpc.ref,
            description: "The platform VPC"))
        stack.add(ParameterStoreString("SubnetIdsParameter", name: "/cruddur/platform/public-subnet-ids",
            value: Fn.join(",", network.subnets.map(\.ref)), description: "The public subnets, comma-separated"))
        stack.add(ParameterStoreString("ClusterNameParameter", name: "/cruddur/platform/cluster-name", value: cluster.ref,
            description: "The ECS cluster for the platform's services"))
        stack.add(ParameterStoreString("UploadJobsQueueParameter", name: "/cruddur/platform/upload-jobs-queue-url",
            value: uploads.jobsURL, description: "Where the upload processor queues its jobs"))

        stack.output("VpcId", network.vpc.attrVpcId, description: "The platform VPC")
        stack.output("ClusterArn", cluster.attrArn, description: "The ECS cluster")
        stack.output("UploadsBucketName", uploads.bucket.ref, description: "Avatar uploads go under avatars/ in this bucket")
        stack.output("UploadJobsQueueUrl", uploads.jobsURL, description: "One job per upload")
        stack.output("DataKeyArn", key.attrArn, description: "The key of the bucket and the queues")
    }
}

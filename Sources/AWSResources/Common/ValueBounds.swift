import CloudFormation

/// The longest text, in UTF-8 bytes, that a template value can resolve to at deploy: what
/// a size check counts for a Ref, a GetAtt or a Sub (Lambda's 4 KB of environment variables).
///
/// Every bound lives in this file, with where it comes from. A value is bounded by what it
/// refers to: a Ref or GetAtt of a resource by the longest value that attribute of that
/// type can have, a Ref of a parameter by its MaxLength (or its longest AllowedValue), a
/// Sub by its text plus the bound of each reference in it. Anything else (an ImportValue, a
/// FindInMap, a GetAtt of a type not listed here, a reference written by name) is unbounded,
/// and the check that asked says it cannot bound the total.
enum ValueBounds {
    /// How long a value can be once deployed.
    enum Bound: Equatable {
        /// At most `bytes`; `what` names the value for messages ("a DynamoDB table name").
        case atMost(Int, what: String)
        /// Nothing known bounds it; `why` shows the value and, when there is one, the fix.
        case unbounded(why: String)
    }

    // Parts of ARNs and other generated values.

    /// `aws-us-gov`, the longest partition (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b,
    /// aws-iso-e, aws-iso-f, aws-eusc): AWS General Reference, "Amazon Resource Names".
    static let partition = 10
    /// Region codes are at most 14 characters today (ap-southeast-5, us-isob-east-1);
    /// 25 leaves room for new ones, as issue 14 agreed.
    static let region = 25
    /// Account IDs are 12 digits.
    static let accountID = 12
    /// `amazonaws.com.cn`, the longest AWS::URLSuffix.
    static let urlSuffix = 16
    /// CloudFormation stack names: 1 to 128 characters (CreateStack, StackName).
    static let stackName = 128
    /// A UUID in its 36-character text form (stack IDs, event-source mapping IDs).
    static let uuid = 36
    /// DynamoDB table names: 3 to 255 characters (DynamoDB developer guide, naming rules).
    static let tableName = 255
    /// The stream label in a stream ARN, an ISO 8601 timestamp such as `2026-11-25T12:34:56.789`.
    static let streamLabel = 23
    /// Lambda function names: at most 64 characters (CreateFunction, FunctionName).
    static let functionName = 64
    /// IAM role names: 64 characters; paths: 512 (IAM CreateRole); role IDs: 128 (the Role data type).
    static let roleName = 64
    static let rolePath = 512
    static let roleID = 128
    /// CloudWatch Logs group names: 512 characters (CreateLogGroup).
    static let logGroupName = 512
    /// SQS queue names: 80 characters, `.fifo` included (CreateQueue).
    static let queueName = 80
    /// SNS topic names: 256 characters, `.fifo` included (CreateTopic).
    static let topicName = 256
    /// A VPC endpoint ID: `vpce-` and 17 hexadecimal digits.
    static let vpcEndpointID = 22
    /// S3 bucket names: 3 to 63 characters (general purpose bucket naming rules).
    static let bucketName = 63

    /// `arn:<partition>:<service>:<region>:<account>:` before the resource part.
    private static func arnPrefix(_ service: String, regional: Bool = true) -> Int {
        "arn:".count + partition + 1 + service.count + 1 + (regional ? region : 0) + 1 + accountID + 1
    }

    /// The pseudo parameters' longest values (AWS::NoValue removes the value).
    static let pseudoParameters: [String: (bytes: Int, what: String)] = [
        "AWS::AccountId": (accountID, "an account ID"),
        "AWS::Region": (region, "a region"),
        "AWS::Partition": (partition, "a partition"),
        "AWS::URLSuffix": (urlSuffix, "the URL suffix"),
        "AWS::StackName": (stackName, "a stack name"),
        "AWS::StackId": (arnPrefix("cloudformation") + "stack/".count + stackName + 1 + uuid, "a stack ID"),
        "AWS::NoValue": (0, "no value"),
    ]

    /// The longest Ref (attribute nil) or GetAtt of each resource type infra defines. A switch,
    /// not a dictionary of dictionaries: that table, built on first use, cost a Cruddur synth
    /// 0.5 M instructions (its generic metadata and hashing) for the one or two look-ups made.
    static func attribute(_ attribute: String?, of type: String) -> (bytes: Int, what: String)? {
        switch (type, attribute) {
        case ("AWS::DynamoDB::Table", nil): (tableName, "a DynamoDB table name")
        case ("AWS::DynamoDB::Table", "Arn"): (arnPrefix("dynamodb") + "table/".count + tableName, "a DynamoDB table ARN")
        case ("AWS::DynamoDB::Table", "StreamArn"): (arnPrefix("dynamodb") + "table/".count + tableName + "/stream/".count + streamLabel, "a DynamoDB stream ARN")
        case ("AWS::Lambda::Function", nil): (functionName, "a Lambda function name")
        case ("AWS::Lambda::Function", "Arn"): (arnPrefix("lambda") + "function:".count + functionName, "a Lambda function ARN")
        case ("AWS::Lambda::EventSourceMapping", nil): (uuid, "an event-source mapping ID")
        case ("AWS::IAM::Role", nil): (roleName, "an IAM role name")
        case ("AWS::IAM::Role", "Arn"): (arnPrefix("iam", regional: false) + "role".count + rolePath + roleName, "an IAM role ARN")
        case ("AWS::IAM::Role", "RoleId"): (roleID, "an IAM role ID")
        case ("AWS::Logs::LogGroup", nil): (logGroupName, "a log group name")
        case ("AWS::Logs::LogGroup", "Arn"): (arnPrefix("logs") + "log-group:".count + logGroupName + ":*".count, "a log group ARN")
        case ("AWS::SQS::Queue", nil): ("https://sqs.".count + region + 1 + urlSuffix + 1 + accountID + 1 + queueName, "a queue URL")
        case ("AWS::SQS::Queue", "QueueUrl"): ("https://sqs.".count + region + 1 + urlSuffix + 1 + accountID + 1 + queueName, "a queue URL")
        case ("AWS::SQS::Queue", "Arn"): (arnPrefix("sqs") + queueName, "a queue ARN")
        case ("AWS::SQS::Queue", "QueueName"): (queueName, "a queue name")
        case ("AWS::SNS::Topic", nil): (arnPrefix("sns") + topicName, "a topic ARN")
        case ("AWS::SNS::Topic", "TopicArn"): (arnPrefix("sns") + topicName, "a topic ARN")
        case ("AWS::SNS::Topic", "TopicName"): (topicName, "a topic name")
        case ("AWS::EC2::VPCEndpoint", nil): (vpcEndpointID, "a VPC endpoint ID")
        case ("AWS::S3::Bucket", nil): (bucketName, "an S3 bucket name")
        case ("AWS::S3::Bucket", "Arn"): ("arn:".count + partition + ":s3:::".count + bucketName, "an S3 bucket ARN")
        case ("AWS::S3::Bucket", "DomainName"): (bucketName + ".s3.".count + urlSuffix, "an S3 bucket domain name")
        case ("AWS::S3::Bucket", "RegionalDomainName"): (bucketName + ".s3.".count + region + 1 + urlSuffix, "an S3 bucket regional domain name")
        default: nil
        }
    }

    /// The bound of a value that resolves to text.
    static func bound(of value: TemplateValue) -> Bound {
        bound(of: value, variables: Fields())
    }

    private static func bound(of value: TemplateValue, variables: Fields) -> Bound {
        switch value {
        case .string(let text), .number(let text):
            return .atMost(text.utf8.count, what: "text")
        case .boolean(let flag):
            return .atMost(flag ? 4 : 5, what: "text")
        case .intrinsic(.ref(let target)):
            return reference(target, attribute: nil, variables: variables)
        case .intrinsic(.getAtt(let target, let attribute)):
            return reference(target, attribute: attribute, variables: variables)
        case .intrinsic(.sub(let template, let subVariables)):
            var total = 0
            for part in template.parts {
                let partBound: Bound
                switch part {
                case .literal(let text): partBound = .atMost(text.utf8.count, what: "text")
                case .reference(let target): partBound = reference(target, attribute: nil, variables: subVariables)
                case .attribute(let target, let attribute): partBound = reference(target, attribute: attribute, variables: subVariables)
                }
                guard case .atMost(let bytes, _) = partBound else { return partBound }
                total += bytes
            }
            return .atMost(total, what: "a Fn::Sub")
        case .intrinsic(.join(let delimiter, .list(let items))):
            var total = delimiter.utf8.count * max(items.count - 1, 0)
            for item in items {
                let itemBound = bound(of: item, variables: variables)
                guard case .atMost(let bytes, _) = itemBound else { return itemBound }
                total += bytes
            }
            return .atMost(total, what: "a Fn::Join")
        case .intrinsic(.select(_, .list(let items))):
            return longest(items.map { bound(of: $0, variables: variables) }, what: "a Fn::Select")
        case .intrinsic(.if(_, let then, let otherwise)):
            return longest([bound(of: then, variables: variables), bound(of: otherwise, variables: variables)], what: "a Fn::If")
        case .intrinsic(.base64(let inner)):
            guard case .atMost(let bytes, _) = bound(of: inner, variables: variables) else { return bound(of: inner, variables: variables) }
            return .atMost((bytes + 2) / 3 * 4, what: "a Fn::Base64")
        default:
            return .unbounded(why: value.summary)
        }
    }

    private static func longest(_ bounds: [Bound], what: String) -> Bound {
        var most = 0
        for bound in bounds {
            guard case .atMost(let bytes, _) = bound else { return bound }
            most = max(most, bytes)
        }
        return .atMost(most, what: what)
    }

    private static func reference(_ target: ReferenceTarget, attribute: String?, variables: Fields) -> Bound {
        // A Sub's own variable shadows everything else.
        if attribute == nil, let variable = variables[target.logicalID] {
            return bound(of: variable, variables: Fields())
        }
        // Made only for a message.
        var shown: String { attribute.map { "!GetAtt \(target.logicalID).\($0)" } ?? "!Ref \(target.logicalID)" }
        if target.isPseudoParameter {
            guard attribute == nil, let known = pseudoParameters[target.logicalID] else { return .unbounded(why: shown) }
            return .atMost(known.bytes, what: known.what)
        }
        switch target.origin {
        case .resource(let type):
            guard let known = Self.attribute(attribute, of: type) else { return .unbounded(why: shown) }
            return .atMost(known.bytes, what: known.what)
        case .parameter(_, let maximumLength):
            // MaxLength counts characters; names and identifiers are ASCII, one byte each.
            guard attribute == nil, let maximumLength else { return .unbounded(why: "\(shown); give the parameter a MaxLength") }
            return .atMost(maximumLength, what: "parameter \(target.logicalID)'s MaxLength")
        case nil:
            return .unbounded(why: "\(shown); refer to it through its typed value")
        }
    }
}

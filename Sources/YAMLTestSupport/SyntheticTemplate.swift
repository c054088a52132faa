import InfraYAML

/// A large, CloudFormation-shaped tree for benchmarks and round-trip tests: nested mappings,
/// sequences inside mappings, strings that need every scalar style, numbers, booleans, nulls,
/// and short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`, `!Join`, `!If`, `!Select`) on scalars
/// and sequences. Deterministic for a seed.
public enum SyntheticTemplate {
    /// A template with `resourceCount` resources.
    public static func build(resourceCount: Int, seed: UInt64 = 42) -> Node {
        var random = SeededRandom(seed: seed)
        var resources = Mapping()
        for index in 0..<resourceCount {
            try? resources.append("Resource\(index)", resource(index, &random))
        }
        return map([
            ("AWSTemplateFormatVersion", .string("2010-09-09")),
            ("Transform", .string("AWS::Serverless-2016-10-31")),
            ("Description", .string("Synthetic stack: benchmarks, 'quotes', and: colons")),
            ("Resources", .mapping(resources)),
        ])
    }

    /// A template whose YAML is about `bytes` long (measured on a sample, then scaled).
    public static func build(approximateBytes bytes: Int, seed: UInt64 = 42) throws(YAMLError) -> Node {
        let sampleCount = 200
        let sampleSize = try Emitter().emitUTF8(build(resourceCount: sampleCount, seed: seed)).count
        let perResource = max(1, sampleSize / sampleCount)
        return build(resourceCount: max(1, bytes / perResource), seed: seed)
    }

    static func resource(_ index: Int, _ random: inout SeededRandom) -> Node {
        switch random.below(5) {
        case 0: table(index, &random)
        case 1: function(index, &random)
        case 2: role(index, &random)
        case 3: securityGroup(index, &random)
        default: queue(index, &random)
        }
    }

    private static func table(_ index: Int, _ random: inout SeededRandom) -> Node {
        map([
            ("Type", .string("AWS::DynamoDB::Table")),
            ("DeletionPolicy", .string(random.pick(["Retain", "Delete", "Snapshot"]))),
            ("Properties", map([
                ("TableName", .string("cruddur-table-\(index)", tag: Tag("!Sub"))),
                ("BillingMode", .string("PAY_PER_REQUEST")),
                ("AttributeDefinitions", .sequence([
                    map([("AttributeName", .string("pk")), ("AttributeType", .string("S"))]),
                    map([("AttributeName", .string("sk")), ("AttributeType", .string("S"))]),
                ])),
                ("KeySchema", .sequence([
                    map([("AttributeName", .string("pk")), ("KeyType", .string("HASH"))]),
                    map([("AttributeName", .string("sk")), ("KeyType", .string("RANGE"))]),
                ])),
                ("StreamSpecification", map([("StreamViewType", .string("NEW_IMAGE"))])),
                ("PointInTimeRecoverySpecification", map([("PointInTimeRecoveryEnabled", .boolean(random.chance(1, in: 2)))])),
                ("ProvisionedThroughput", .null),
                ("Tags", tags(index, &random)),
            ])),
        ])
    }

    private static func function(_ index: Int, _ random: inout SeededRandom) -> Node {
        let code = """
            import json
            import os

            def handler(event, context):
                table = os.environ["TABLE_NAME"]
                print(json.dumps({"table": table, "records": len(event.get("Records", []))}))
                return {"statusCode": 200, "body": "ok: \(index)"}

            """
        return map([
            ("Type", .string("AWS::Lambda::Function")),
            ("Properties", map([
                ("FunctionName", .string("${AWS::StackName}-fn-\(index)", tag: Tag("!Sub"))),
                ("Runtime", .string("python3.13")),
                ("Handler", .string("index.handler")),
                ("MemorySize", .integer(random.pick([128, 256, 512, 1024]))),
                ("Timeout", .integer(random.within(3...900))),
                ("Role", .string("Role\(index).Arn", tag: Tag("!GetAtt"))),
                ("Code", map([("ZipFile", .string(code))])),
                ("Environment", map([("Variables", map([
                    ("TABLE_NAME", .string("Resource\(max(0, index - 1))", tag: Tag("!Ref"))),
                    ("LOG_LEVEL", .string(random.pick(["INFO", "DEBUG", "on", "off", "yes"]))),
                    ("RATIO", .number(Double(random.below(1000)) / 8)),
                    ("QUEUE_URL", .sequence([
                        .string("https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Name}"),
                        map([("Name", .string("Queue\(index).QueueName", tag: Tag("!GetAtt")))]),
                    ], tag: Tag("!Sub"))),
                    ("BANNER", .string("  padded: value with spaces  ")),
                    ("NOTE", .string("trailing space on a line \nnext line")),
                ]))])),
                ("Layers", .sequence([
                    .sequence([.string(":"), .sequence([.string("arn:aws:lambda"), .string("Region", tag: Tag("!Ref")), .string("layer:deps:\(index % 7)")])], tag: Tag("!Join")),
                ])),
                ("ReservedConcurrentExecutions", .sequence([
                    .string("IsProduction"), .integer(10), .string("AWS::NoValue", tag: Tag("!Ref")),
                ], tag: Tag("!If"))),
                ("Tags", tags(index, &random)),
            ])),
        ])
    }

    private static func role(_ index: Int, _ random: inout SeededRandom) -> Node {
        let statement = map([
            ("Effect", .string("Allow")),
            ("Action", .sequence(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "sqs:SendMessage"].map { .string($0) })),
            ("Resource", .sequence([
                .string("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/cruddur-\(index)", tag: Tag("!Sub")),
                .string("Resource\(index).Arn", tag: Tag("!GetAtt")),
            ])),
            ("Condition", map([("StringEquals", map([("aws:RequestedRegion", .string("eu-central-1"))]))])),
        ])
        return map([
            ("Type", .string("AWS::IAM::Role")),
            ("Properties", map([
                ("AssumeRolePolicyDocument", map([
                    ("Version", .string("2012-10-17")),
                    ("Statement", .sequence([map([
                        ("Effect", .string("Allow")),
                        ("Principal", map([("Service", .sequence([.string("lambda.amazonaws.com")]))])),
                        ("Action", .sequence([.string("sts:AssumeRole")])),
                    ])])),
                ])),
                ("Policies", .sequence([map([
                    ("PolicyName", .string("access-\(index)")),
                    ("PolicyDocument", map([("Version", .string("2012-10-17")), ("Statement", .sequence([statement]))])),
                ])])),
                ("Path", .string("/")),
                ("Description", .string(random.pick(["Rôle für Zugriff", "役割", "Role: access", "#1 role", "😀 role"]))),
            ])),
        ])
    }

    private static func securityGroup(_ index: Int, _ random: inout SeededRandom) -> Node {
        func rule(_ port: Int) -> Node {
            map([
                ("IpProtocol", .string(random.pick(["tcp", "udp", "-1"]))),
                ("FromPort", .integer(port)),
                ("ToPort", .integer(port)),
                ("CidrIp", .string(random.pick(["10.0.0.0/16", "0.0.0.0/0", "192.168.1.0/24"]))),
                ("Description", .string(random.pick(["", "0755", "1e3", "~", "190:20:30", ".5", "+1", "0x1F", "HTTPS in"]))),
            ])
        }
        return map([
            ("Type", .string("AWS::EC2::SecurityGroup")),
            ("Properties", map([
                ("GroupDescription", .string("Security group \(index)")),
                ("VpcId", .string("Vpc", tag: Tag("!Ref"))),
                ("SecurityGroupIngress", .sequence([rule(443), rule(80), rule(random.within(1024...65535))])),
                ("AvailabilityZone", .sequence([.integer(0), .sequence([], tag: Tag("!GetAZs"))], tag: Tag("!Select"))),
            ])),
        ])
    }

    private static func queue(_ index: Int, _ random: inout SeededRandom) -> Node {
        map([
            ("Type", .string("AWS::SQS::Queue")),
            ("Properties", map([
                ("QueueName", .string("cruddur-messages-\(index)")),
                ("VisibilityTimeout", .integer(random.within(30...43200))),
                ("FifoQueue", .boolean(false)),
                ("RedrivePolicy", map([
                    ("deadLetterTargetArn", .string("DeadLetter\(index).Arn", tag: Tag("!GetAtt"))),
                    ("maxReceiveCount", .integer(5)),
                ], tag: nil)),
                ("Tags", tags(index, &random)),
            ])),
        ])
    }

    private static func tags(_ index: Int, _ random: inout SeededRandom) -> Node {
        .sequence([
            map([("Key", .string("app")), ("Value", .string("cruddur"))]),
            map([("Key", .string("owner")), ("Value", .string(random.pick(["team-a", "yes", "null", "2024-01-01", "O'Brien"])))]),
            map([("Key", .string("index")), ("Value", .string(String(index)))]),
        ])
    }

    /// A mapping from pairs known to have distinct keys.
    private static func map(_ pairs: [(String, Node)], tag: Tag? = nil) -> Node {
        var mapping = Mapping(tag: tag)
        for (key, value) in pairs {
            try? mapping.append(key, value)
        }
        return .mapping(mapping)
    }
}

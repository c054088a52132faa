import AWSResources
import CloudFormation
import Testing

@Suite struct GatewayEndpointTests {
    @Test func fullAccessHasNoPolicy() throws {
        let result = synthesize { stack in
            let vpc = stack.parameter("VpcId", .vpcID, description: "VPC.")
            let routeTables = stack.parameter("RouteTableIds", .commaDelimitedList, description: "Route tables.")
            stack.add(GatewayEndpoint("Endpoint", service: .dynamoDB, vpcID: vpc, routeTableIDs: routeTables))
        }
        let endpoint = try #require(result.template.resource("Endpoint"))
        #expect(endpoint.type == "AWS::EC2::VPCEndpoint")
        #expect(endpoint.properties == [
            "VpcEndpointType": "Gateway",
            "ServiceName": .intrinsic(.sub(SubTemplate(parsing: "com.amazonaws.${AWS::Region}.dynamodb"), variables: Fields())),
            "VpcId": .ref("VpcId"),
            "RouteTableIds": .ref("RouteTableIds"),
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func s3ServiceName() {
        let result = synthesize { stack in
            stack.add(GatewayEndpoint("Endpoint", service: .s3, vpcID: "vpc-1", routeTableIDs: ["rtb-1", "rtb-2"]))
        }
        #expect(result.properties("Endpoint")["ServiceName"] == .intrinsic(.sub(SubTemplate(parsing: "com.amazonaws.${AWS::Region}.s3"), variables: Fields())))
        #expect(result.properties("Endpoint")["RouteTableIds"] == ["rtb-1", "rtb-2"])
    }

    @Test func policyScopedToTables() {
        let result = synthesize { stack in
            let messages = stack.add(Table("Messages", partitionKey: .string("pk")))
            messages.globalIndex("by-group", partitionKey: .string("group"))
            stack.add(GatewayEndpoint("Endpoint", service: .dynamoDB, vpcID: "vpc-1", routeTableIDs: ["rtb-1"], policy: .tables([messages], actions: [.putItem, .query], sid: "MessagesOnly")))
        }
        #expect(result.properties("Endpoint")["PolicyDocument"] == [
            "Version": "2012-10-17",
            "Statement": [[
                "Sid": "MessagesOnly",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["dynamodb:PutItem", "dynamodb:Query"],
                "Resource": [.getAtt("Messages", "Arn"), .intrinsic(.sub(SubTemplate(parts: [.attribute(ReferenceTarget("Messages", owner: "test"), "Arn"), .literal("/index/*")]), variables: Fields()))],
            ]],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func tablePolicyOnS3IsAnError() {
        let result = synthesize { stack in
            let messages = stack.add(Table("Messages", partitionKey: .string("pk")))
            stack.add(GatewayEndpoint("Endpoint", service: .s3, vpcID: "vpc-1", routeTableIDs: ["rtb-1"], policy: .tables([messages])))
            stack.add(GatewayEndpoint("Empty", service: .dynamoDB, vpcID: "vpc-1", routeTableIDs: ["rtb-1"], policy: .tables([])))
        }
        #expect(result.messages == [
            "error Endpoint Properties.PolicyDocument: a policy scoped to DynamoDB tables needs a DynamoDB endpoint, not s3",
            "error Empty Properties.PolicyDocument: a policy scoped to tables needs at least one table; use .fullAccess for AWS's default",
            "error Empty Properties.PolicyDocument.Statement[0].Resource: the statement names no resources",
        ])
    }

    @Test func writtenPolicyNeedsPrincipals() {
        let result = synthesize { stack in
            stack.add(GatewayEndpoint("Endpoint", service: .s3, vpcID: "vpc-1", routeTableIDs: ["rtb-1"], policy: .document(PolicyDocument([
                PolicyStatement(sid: "Read", actions: [UncheckedAction("s3:GetObject")], resources: ["arn:aws:s3:::bucket/*"]),
            ]))))
        }
        #expect(result.messages == ["error Endpoint Properties.PolicyDocument.Statement[0]: a resource policy statement needs a Principal"])
    }
}

@Suite struct SmallResourceTests {
    @Test func logGroup() {
        let result = synthesize { stack in
            let group = stack.add(LogGroup("Audit", logGroupName: "/app/audit", retention: .tenYears, tags: ["data": "audit"]))
            #expect(group.arn.raw == .getAtt("Audit", "Arn"))
            #expect(group.name.raw == .ref("Audit"))
        }
        #expect(result.properties("Audit") == ["LogGroupName": "/app/audit", "RetentionInDays": 3653, "Tags": [["Key": "data", "Value": "audit"]]])
        #expect(result.template.resource("Audit")?.deletionPolicy == nil)
    }

    @Test func retentionValuesAreCloudFormations() {
        #expect(LogRetention.allCases.map(\.rawValue) == [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653])
    }

    @Test func logGroupNameIsChecked() {
        let result = validate { stack in
            stack.add(LogGroup("Audit", logGroupName: "app audit"))
        }
        #expect(result.messages == [#"error Audit Properties.LogGroupName: 'app audit' does not match the pattern ^[.\-_/#A-Za-z0-9]{1,512}\Z"#])
    }

    @Test func queue() {
        let result = synthesize { stack in
            let queue = stack.add(Queue("Failures"))
            #expect(queue.arn.raw == .getAtt("Failures", "Arn"))
            #expect(queue.url.raw == .ref("Failures"))
            #expect(queue.name.raw == .getAtt("Failures", "QueueName"))
        }
        #expect(result.properties("Failures") == ["MessageRetentionPeriod": 1_209_600, "SqsManagedSseEnabled": true])
    }

    @Test func queueRangesAreChecked() {
        let result = validate { stack in
            stack.add(Queue("Failures", messageRetentionPeriod: 30, visibilityTimeout: 50000))
        }
        #expect(result.messages == [
            "error Failures Properties.MessageRetentionPeriod: 30 is below the minimum 60",
            "error Failures Properties.VisibilityTimeout: 50000 is above the maximum 43200",
        ])
    }

    @Test func topic() {
        let result = synthesize { stack in
            let topic = stack.add(Topic("Alerts", topicName: "alerts", displayName: "Alerts"))
            #expect(topic.arn.raw == .ref("Alerts"))
            #expect(topic.name.raw == .getAtt("Alerts", "TopicName"))
        }
        #expect(result.properties("Alerts") == ["TopicName": "alerts", "DisplayName": "Alerts"])
    }
}

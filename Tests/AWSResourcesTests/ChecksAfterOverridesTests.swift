import AWSResources
import CloudFormation
import Testing

/// Checks run on what a resource deploys: the rendered properties after overrides. A value
/// set through `addPropertyOverride` is diagnosed like a typed one, and a typed value an
/// override replaces is not.
@Suite struct ChecksAfterOverridesTests {
    @Test func logGroupNameFromAnOverrideIsChecked() {
        let result = validate { stack in
            let group = stack.add(LogGroup("Audit"))
            group.addPropertyOverride("LogGroupName", "bad name")
        }
        #expect(result.messages == [#"error Audit Properties.LogGroupName: 'bad name' does not match the pattern ^[.\-_/#A-Za-z0-9]{1,512}\Z"#])
    }

    @Test func logGroupNameReplacedByAnOverrideIsNotReported() {
        let result = synthesize { stack in
            let group = stack.add(LogGroup("Audit", logGroupName: "bad name"))
            group.addPropertyOverride("LogGroupName", "/app/audit")
        }
        #expect(result.messages.isEmpty)
    }

    @Test func roleSessionDurationFromAnOverrideIsChecked() {
        let result = validate { stack in
            let role = stack.add(Role("Worker", assumedBy: .lambda))
            role.addPropertyOverride("MaxSessionDuration", 5)
        }
        #expect(result.messages == ["error Worker Properties.MaxSessionDuration: 5 is below the minimum 3600"])
    }

    @Test func roleNameFromAnOverrideIsChecked() {
        let result = validate { stack in
            let role = stack.add(Role("Worker", assumedBy: .lambda))
            role.addPropertyOverride("RoleName", "worker role")
        }
        #expect(result.messages == [#"error Worker Properties.RoleName: 'worker role' does not match the pattern ^[\w+=,.@-]+$"#])
    }

    @Test func queueSettingsFromAnOverrideAreChecked() {
        let result = validate { stack in
            let queue = stack.add(Queue("Failures"))
            queue.addPropertyOverride("VisibilityTimeout", 50000)
        }
        #expect(result.messages == ["error Failures Properties.VisibilityTimeout: 50000 is above the maximum 43200"])
    }

    @Test func topicNameFromAnOverrideIsChecked() {
        let result = synthesize { stack in
            let topic = stack.add(Topic("Alerts"))
            topic.addPropertyOverride("TopicName", "alerts!")
        }
        #expect(result.messages == ["error Alerts Properties.TopicName: topic name 'alerts!' must be 1 to 256 characters of [A-Za-z0-9_-], with an optional .fifo suffix"])
    }

    @Test func tagsFromAnOverrideAreChecked() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.addPropertyOverride("Tags", [["Key": "aws:owner", "Value": "x"]])
        }
        #expect(result.messages == ["error T Properties.Tags[0].Key: tag keys starting with 'aws:' are reserved for AWS"])
    }

    @Test func tableNameFromAnOverrideIsChecked() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", tableName: "orders", partitionKey: .string("pk")))
            table.addPropertyOverride("TableName", "ab")
        }
        #expect(result.messages == ["error T Properties.TableName: table name 'ab' has 2 characters; it needs 3 to 255"])
    }

    @Test func tableKeyRenamedByAnOverrideIsChecked() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.addPropertyOverride("KeySchema.0.AttributeName", "")
        }
        #expect(result.messages == [
            "error T Properties.KeySchema[0].AttributeName: attribute name '' must be 1 to 255 characters",
            "error T Properties.KeySchema[0].AttributeName: key attribute '' of the table is not in AttributeDefinitions",
            "error T Properties.AttributeDefinitions[0]: attribute 'pk' is defined but is not a key of the table or of an index; CloudFormation rejects unused definitions",
        ])
    }

    @Test func endpointPolicyReplacedByAnOverrideIsNotCheckedAsTyped() {
        let result = synthesize { stack in
            let endpoint = stack.add(GatewayEndpoint("Endpoint", service: .s3, vpcID: "vpc-1", routeTableIDs: ["rtb-1"], policy: .document(PolicyDocument([
                PolicyStatement(sid: "Read", actions: [UncheckedAction("s3:GetObject")], resources: ["arn:aws:s3:::bucket/*"]),
            ]))))
            endpoint.addPropertyOverride("PolicyDocument", ["Version": "2012-10-17", "Statement": []])
        }
        #expect(result.messages.isEmpty)
    }

    @Test func roleFoldedIntoASAMFunctionIsCheckedAfterOverrides() {
        let result = validate(.sam) { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            function.role?.addPropertyOverride("MaxSessionDuration", 5)
        }
        #expect(result.messages.contains("error AppRole Properties.MaxSessionDuration: 5 is below the minimum 3600"))
    }
}

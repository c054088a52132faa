import AWSResources
import CloudFormation
import Testing

@Suite struct PolicyTests {
    @Test func documentVersionIsTheStringOf2012() {
        let document = PolicyDocument([PolicyStatement(actions: [DynamoDBAction.getItem], resources: ["arn:aws:dynamodb:eu-west-1:1:table/t"])])
        #expect(document.rendered.fields?["Version"] == .string("2012-10-17"))
    }

    @Test func actionsAreSortedAndDeduplicatedResourcesKeepTheirOrder() {
        let statement = PolicyStatement(
            sid: "Mixed",
            actions: [DynamoDBAction.query, LogsAction.putLogEvents, DynamoDBAction.getItem, DynamoDBAction.query],
            resources: ["b", "a", "b"]
        )
        #expect(statement.rendered == [
            "Sid": "Mixed",
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem", "dynamodb:Query", "logs:PutLogEvents"],
            "Resource": ["b", "a"],
        ])
    }

    @Test func singleActionAndResourceAreScalars() {
        let statement = PolicyStatement(actions: [SQSAction.sendMessage], resources: ["q"])
        #expect(statement.rendered == ["Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "q"])
    }

    @Test func notActionNotResourcePrincipalAndConditions() {
        let statement = PolicyStatement(
            sid: "DenyOutsideAccount",
            effect: .deny,
            principal: .aws(AWS.accountID),
            actions: .notActions([STSAction.getCallerIdentity]),
            resources: .notResources(["arn:aws:s3:::keep"]),
            conditions: [
                PolicyCondition(.stringNotEquals, "aws:PrincipalAccount", AWS.accountID),
                PolicyCondition(.bool, "aws:SecureTransport", "false"),
                PolicyCondition(.stringNotEquals, "aws:PrincipalAccount", "111122223333"),
            ]
        )
        #expect(statement.rendered == [
            "Sid": "DenyOutsideAccount",
            "Effect": "Deny",
            "Principal": ["AWS": .pseudo("AWS::AccountId")],
            "NotAction": "sts:GetCallerIdentity",
            "NotResource": "arn:aws:s3:::keep",
            "Condition": [
                "StringNotEquals": ["aws:PrincipalAccount": [.pseudo("AWS::AccountId"), "111122223333"]],
                "Bool": ["aws:SecureTransport": "false"],
            ],
        ])
    }

    @Test func principals() {
        #expect(Principal.any == Principal.any)
        let trust = PolicyDocument.trust(.service("lambda.amazonaws.com", "edgelambda.amazonaws.com"))
        #expect(trust.rendered == [
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow",
                "Principal": ["Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]],
                "Action": "sts:AssumeRole",
            ]],
        ])
        #expect(PolicyDocument.trust(.lambda) == PolicyDocument.trust(.service("lambda.amazonaws.com")))
    }

    @Test func typedActionsHaveNoWildcards() {
        let names = DynamoDBAction.allCases.map(\.actionName) + LambdaAction.allCases.map(\.actionName)
            + LogsAction.allCases.map(\.actionName) + EC2Action.allCases.map(\.actionName)
            + SQSAction.allCases.map(\.actionName) + SNSAction.allCases.map(\.actionName)
            + STSAction.allCases.map(\.actionName)
        for name in names {
            #expect(!name.contains("*"))
            #expect(name.split(separator: ":").count == 2)
        }
    }

    @Test func wildcardThroughTheEscapeHatchIsAWarning() {
        let result = synthesize { stack in
            let role = stack.add(Role("R", assumedBy: .lambda))
            role.addToPolicy(PolicyStatement(sid: "Everything", actions: [UncheckedAction("dynamodb:*")], resources: ["arn:aws:dynamodb:eu-west-1:1:table/t"]))
            role.addToPolicy(PolicyStatement(sid: "Malformed", actions: [UncheckedAction("GetItem")], resources: ["arn:aws:dynamodb:eu-west-1:1:table/t"]))
        }
        #expect(result.messages == [
            "warning R Properties.Policies[0].PolicyDocument.Statement[0].Action: action 'dynamodb:*' is a wildcard; list the actions the code calls",
            "error R Properties.Policies[0].PolicyDocument.Statement[1].Action: action 'GetItem' is not of the form service:Action",
        ])
    }

    @Test func resourceStarIsAWarningExceptForActionsWithoutResources() {
        let result = synthesize { stack in
            let role = stack.add(Role("R", assumedBy: .lambda))
            role.addToPolicy(PolicyStatement(sid: "List", actions: .actions([DynamoDBAction.listStreams]), resources: .all))
            role.addToPolicy(PolicyStatement(sid: "Broad", actions: [DynamoDBAction.getItem, DynamoDBAction.listTables], resources: ["*"]))
        }
        #expect(result.messages == [
            "warning R Properties.Policies[0].PolicyDocument.Statement[1].Resource: Resource '*' allows dynamodb:GetItem on every resource; name the resources (only actions without resource-level permissions, such as dynamodb:ListStreams, need '*')",
        ])
    }

    @Test func documentRules() {
        let result = synthesize { stack in
            stack.add(Role(
                "R",
                trustPolicy: PolicyDocument([PolicyStatement(actions: .actions([STSAction.assumeRole]), resources: .resources(["x"]))]),
                inlinePolicies: [
                    InlinePolicy(name: "empty", document: PolicyDocument([])),
                    InlinePolicy(name: "bad name!", document: PolicyDocument([
                        PolicyStatement(sid: "Not-Alphanumeric", principal: .any, actions: [SQSAction.sendMessage], resources: ["q"]),
                        PolicyStatement(sid: "Twice", actions: [SQSAction.sendMessage], resources: ["q"]),
                        PolicyStatement(sid: "Twice", actions: [], resources: ["q"]),
                    ])),
                    InlinePolicy(name: "empty", document: PolicyDocument([PolicyStatement(actions: .actions([SNSAction.publish]), resources: nil)])),
                ]
            ))
        }
        #expect(result.messages == [
            "error R Properties.AssumeRolePolicyDocument.Statement[0]: a trust policy statement needs a Principal",
            "error R Properties.AssumeRolePolicyDocument.Statement[0].Resource: a trust policy names no Resource",
            "error R Properties.Policies[0].PolicyDocument.Statement: a policy document needs at least one statement",
            "error R Properties.Policies[1].PolicyName: policy name 'bad name!' must be 1 to 128 characters of [A-Za-z0-9+=,.@_-]",
            "error R Properties.Policies[1].PolicyDocument.Statement[0].Sid: Sid 'Not-Alphanumeric' may contain only letters and digits",
            "error R Properties.Policies[1].PolicyDocument.Statement[0].Principal: an identity policy names no Principal: the role it is attached to is the principal",
            "error R Properties.Policies[1].PolicyDocument.Statement[2].Sid: Sid 'Twice' is used by two statements of the same policy",
            "error R Properties.Policies[1].PolicyDocument.Statement[2].Action: the statement has no actions",
            "error R Properties.Policies[2].PolicyName: two inline policies are named 'empty'",
            "error R Properties.Policies[2].PolicyDocument.Statement[0]: the statement needs a Resource",
        ])
    }
}

@Suite struct RoleTests {
    @Test func roleRendersTrustManagedAndInlinePolicies() {
        let result = synthesize { stack in
            let role = stack.add(Role(
                "Worker",
                assumedBy: .lambda,
                roleName: "worker",
                description: "Runs the worker.",
                managedPolicies: [.lambdaENIManagementAccess],
                inlinePolicies: [InlinePolicy(name: "peer", document: PolicyDocument([PolicyStatement(sid: "Invoke", actions: [LambdaAction.invokeFunction], resources: ["f"])]))]
            ))
            role.path = "/app/"
            role.maxSessionDuration = 7200
            role.addManagedPolicy(.lambdaENIManagementAccess)
        }
        #expect(result.properties("Worker") == [
            "AssumeRolePolicyDocument": PolicyDocument.trust(.lambda).rendered,
            "RoleName": "worker",
            "Description": "Runs the worker.",
            "Path": "/app/",
            "MaxSessionDuration": 7200,
            "ManagedPolicyArns": [.intrinsic(.sub(SubTemplate(parsing: "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess"), variables: Fields()))],
            "Policies": [[
                "PolicyName": "peer",
                "PolicyDocument": ["Version": "2012-10-17", "Statement": [["Sid": "Invoke", "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "f"]]],
            ]],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func grantsCollectIntoTheDefaultPolicyInOrderWithoutDuplicates() throws {
        let result = synthesize { stack in
            let role = stack.add(Role("App", assumedBy: .lambda))
            role.addToPolicy(PolicyStatement(sid: "Second", actions: [SQSAction.sendMessage], resources: ["b"]))
            role.addToPolicy(PolicyStatement(sid: "First", actions: [SQSAction.sendMessage], resources: ["a"]))
            role.addToPolicy(PolicyStatement(sid: "Again", actions: [SQSAction.sendMessage], resources: ["b"]))
            role.addToPolicy(PolicyStatement(sid: "Second", actions: [SNSAction.publish], resources: ["t"]))
            role.addToPolicy(PolicyStatement(actions: [SNSAction.publish], resources: ["u"]))
        }
        let policies = try #require(result.properties("App")["Policies"]?.items)
        #expect(policies.count == 1)
        let policy = try #require(policies.first?.fields)
        #expect(policy["PolicyName"] == "AppPolicy")
        let sids = policy["PolicyDocument"]?.fields?["Statement"]?.items?.compactMap { $0.fields?["Sid"]?.literalString }
        #expect(sids == ["Second", "First", "Second2", "Statement4"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func attributes() {
        _ = synthesize { stack in
            let role = stack.add(Role("App", assumedBy: .lambda))
            #expect(role.arn.raw == .getAtt("App", "Arn"))
            #expect(role.attribute(.roleID).raw == .getAtt("App", "RoleId"))
            #expect(role.name.raw == .ref("App"))
        }
    }

    @Test func sessionDurationIsChecked() {
        let result = validate { stack in
            let role = stack.add(Role("App", assumedBy: .lambda))
            role.maxSessionDuration = 60
        }
        #expect(result.messages == ["error App Properties.MaxSessionDuration: 60 is below the minimum 3600"])
    }
}

import AWSResources
import CloudFormation
import Foundation
import Testing

@Suite struct FunctionTests {
    static let s3Code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    @Test func companionsComeBeforeTheFunction() {
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        #expect(result.template.resources.map(\.logicalID) == ["AppLogGroup", "AppRole", "App"])
        #expect(result.template.resources.map(\.type) == ["AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::Lambda::Function"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func defaults() {
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        #expect(result.properties("App") == [
            "Runtime": "python3.13",
            "Architectures": ["x86_64"],
            "Handler": "app.handler",
            "Code": ["S3Bucket": "artifacts", "S3Key": "app.zip"],
            "Role": .getAtt("AppRole", "Arn"),
            "MemorySize": 128,
            "Timeout": 30,
            "LoggingConfig": ["LogGroup": .ref("AppLogGroup")],
        ])
        // No fixed name: CloudFormation names the log group; retention stays finite.
        #expect(result.properties("AppLogGroup") == ["RetentionInDays": 30])
    }

    @Test func theRoleWritesOnlyToItsOwnLogGroup() throws {
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        let role = result.properties("AppRole")
        #expect(role["ManagedPolicyArns"] == nil)
        #expect(role["Policies"] == [[
            "PolicyName": "AppRolePolicy",
            "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "WriteOwnLogs",
                    "Effect": "Allow",
                    "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                    "Resource": .getAtt("AppLogGroup", "Arn"),
                ]],
            ],
        ]])
        #expect(role["AssumeRolePolicyDocument"] == PolicyDocument.trust(.lambda).rendered)
    }

    @Test func fixedNameNamesTheLogGroup() {
        let result = synthesize { stack in
            stack.add(Function("App", functionName: "cruddur-app", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, logRetention: .threeMonths))
        }
        #expect(result.properties("App")["FunctionName"] == "cruddur-app")
        #expect(result.properties("AppLogGroup") == ["LogGroupName": "/aws/lambda/cruddur-app", "RetentionInDays": 90])
    }

    @Test func settingsRender() {
        let result = synthesize { stack in
            stack.add(Function(
                "App",
                description: "Does things.",
                runtime: .nodejs24,
                architecture: .arm64,
                handler: "index.handler",
                code: .s3(bucket: "artifacts", key: "app.zip", objectVersion: "v1"),
                memorySize: 1024,
                timeout: 900,
                environment: ["ZETA": "last-declared-first", "ALPHA": "1"],
                reservedConcurrency: 0,
                tags: ["team": "x"]
            ))
        }
        let properties = result.properties("App")
        #expect(properties["Description"] == "Does things.")
        #expect(properties["Architectures"] == ["arm64"])
        #expect(properties["Code"] == ["S3Bucket": "artifacts", "S3Key": "app.zip", "S3ObjectVersion": "v1"])
        #expect(properties["MemorySize"] == 1024)
        #expect(properties["Timeout"] == 900)
        #expect(properties["ReservedConcurrentExecutions"] == 0)
        // Declaration order, not sorted.
        #expect(properties["Environment"] == ["Variables": ["ZETA": "last-declared-first", "ALPHA": "1"]])
        #expect(properties["Tags"] == [["Key": "team", "Value": "x"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func inlineCodeIsReadFromTheProject() throws {
        let source = try String(contentsOfFile: repositoryRoot + "/templates/cruddur-messaging-stream/index.py", encoding: .utf8)
        let result = synthesize { stack in
            stack.add(Function("Stream", runtime: .python3_13, handler: "index.lambda_handler", code: .inline(file: "templates/cruddur-messaging-stream/index.py")))
        }
        #expect(result.properties("Stream")["Code"] == ["ZipFile": .string(source)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func missingInlineFileIsAnError() {
        let result = synthesize { stack in
            stack.add(Function("Stream", runtime: .python3_13, handler: "index.handler", code: .inline(file: "templates/nowhere/index.py")))
        }
        #expect(result.messages == ["error Stream Properties.Code.ZipFile: inline code: file 'templates/nowhere/index.py' does not exist"])
    }

    @Test func inlineCodeOverTheOld4096CharacterLimitIsAccepted() throws {
        // CloudFormation dropped that limit in 2022 (the zip may be 4 MB); what bounds inline
        // code now is the 51,200-byte template body, which the pipeline checks.
        let root = try temporaryProject(files: ["templates/big/index.py": String(repeating: "#", count: 5000) + "\ndef handler(event, context):\n    pass\n"])
        let build: @Sendable (StackBuilder) -> Void = { stack in
            stack.add(Function("Big", runtime: .python3_13, handler: "index.handler", code: .inline(file: "templates/big/index.py")))
        }
        #expect(synthesize(root: root, build).messages == [])
    }

    @Test func inlineCodeNeedsIndexHandlerAndAnInterpretedRuntime() throws {
        let root = try temporaryProject(files: ["templates/app/index.py": "def handler(e, c): pass\n"])
        let result = synthesize(root: root) { stack in
            stack.add(Function("App", runtime: .java21, handler: "app.handler", code: .inline(file: "templates/app/index.py")))
        }
        #expect(result.messages == [
            "error App Properties.Code.ZipFile: inline code needs a Python or Node.js runtime, not java21",
            "error App Properties.Handler: inline code is saved as index.<ext>, so the handler must be index.<function>, not 'app.handler'",
        ])
    }

    @Test func functionNameOver64CharactersIsAnError() {
        let name = String(repeating: "f", count: 65)
        let result = validate { stack in
            stack.add(Function("App", functionName: Value(name), runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        #expect(result.messages.count == 1 && result.messages[0].hasPrefix("error App Properties.FunctionName: 'fffff") && result.messages[0].contains("does not match the pattern ^([a-zA-Z0-9_-]{1,64}|"))
    }

    @Test func functionNameCharactersAreChecked() {
        let result = validate { stack in
            stack.add(Function("App", functionName: "cruddur.app", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
        }
        #expect(result.messages.count == 1 && result.messages[0].hasPrefix("error App Properties.FunctionName: 'cruddur.app' does not match the pattern"))
    }

    @Test func rangesAreChecked() {
        // The catalog's ranges (cfn-lint 1.58.0 schemas): Lambda now allows 32,768 MB and 5,400 s.
        let result = validate { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app handler", code: Self.s3Code, memorySize: 64, timeout: 5401, reservedConcurrency: -1))
        }
        #expect(result.messages == [
            #"error App Properties.Handler: 'app handler' does not match the pattern ^[^\s]+$"#,
            "error App Properties.MemorySize: 64 is below the minimum 128",
            "error App Properties.Timeout: 5401 is above the maximum 5400",
            "error App Properties.ReservedConcurrentExecutions: -1 is below the minimum 0",
        ])
    }

    @Test func rangesAreCheckedAfterOverrides() {
        let result = validate { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            function.addPropertyOverride("MemorySize", 40000)
        }
        #expect(result.messages == ["error App Properties.MemorySize: 40000 is above the maximum 32768"])
    }

    @Test func environmentNamesAreChecked() {
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, environment: ["TABLE": "a", "TABLE": "b", "1X": "c", "AWS_REGION": "d"]))
        }
        #expect(result.messages == [
            "error App Properties.Environment.Variables.TABLE: environment variable TABLE is set twice (entry 2)",
            "error App Properties.Environment.Variables.1X: environment variable name '1X' must be a letter followed by at least one letter, digit or underscore (Lambda's pattern [a-zA-Z][a-zA-Z0-9_]+)",
            "error App Properties.Environment.Variables.AWS_REGION: environment variable AWS_REGION is reserved by Lambda",
        ])
    }

    @Test func vpcAddsTheENIManagedPolicy() {
        let result = synthesize { stack in
            let subnets = stack.parameter("SubnetIds", .subnetIDs, description: "Subnets.")
            let groups = stack.parameter("SecurityGroupIds", .securityGroupIDs, description: "Groups.")
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, vpc: VPCConfig(subnetIDs: subnets, securityGroupIDs: groups)))
        }
        #expect(result.properties("App")["VpcConfig"] == ["SubnetIds": .ref("SubnetIds"), "SecurityGroupIds": .ref("SecurityGroupIds")])
        #expect(result.properties("AppRole")["ManagedPolicyArns"] == [
            .intrinsic(.sub(SubTemplate(parsing: "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess"), variables: Fields())),
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func existingRoleTakesTheStatements() {
        let result = synthesize { stack in
            let role = Role("Shared", assumedBy: .lambda)
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, role: .existing(role)))
        }
        #expect(result.template.resources.map(\.logicalID) == ["AppLogGroup", "Shared", "App"])
        #expect(result.properties("App")["Role"] == .getAtt("Shared", "Arn"))
        #expect(result.properties("Shared")["Policies"]?.items?.count == 1)
    }

    @Test func importedRoleCannotTakeGrants() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk")))
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code, role: .imported(arn: "arn:aws:iam::111122223333:role/app")))
            table.grant(function, .getItem)
        }
        #expect(result.template.resources.map(\.logicalID) == ["Messages", "AppLogGroup", "App"])
        #expect(result.properties("App")["Role"] == "arn:aws:iam::111122223333:role/app")
        #expect(result.messages == [
            "warning App Properties.Role: the imported role must allow logs:CreateLogStream, logs:PutLogEvents on !GetAtt AppLogGroup.Arn to write its logs",
            "error App Properties.Role: the function's role is imported, so the grant GetItemMessages (dynamodb:GetItem on !GetAtt Messages.Arn) cannot be added to it; grant it where the role is defined",
        ])
    }

    @Test func attributes() {
        _ = synthesize { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            #expect(function.arn.raw == .getAtt("App", "Arn"))
            #expect(function.name.raw == .ref("App"))
            #expect(function.roleARN.raw == .getAtt("AppRole", "Arn"))
            #expect(function.logGroup.arn.raw == .getAtt("AppLogGroup", "Arn"))
        }
    }
}

@Suite struct RuntimeTests {
    @Test func deprecatedRuntimeIsAnErrorNamingTheReplacement() {
        let result = synthesize { stack in
            stack.add(Function("Old", runtime: .python3_9, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
        }
        #expect(result.messages == ["error Old Properties.Runtime: runtime python3.9 was deprecated on 2025-12-15; use python3.14"])
    }

    @Test func deprecationFollowsTheSynthesisDayNotTheClock() {
        let stack = Stack("test") { stack in
            stack.add(Function("Fn", runtime: .python3_13, handler: "index.handler", code: .s3(bucket: "b", key: "k")))
        }
        let before = Synthesizer(files: SourceFiles(root: repositoryRoot), today: CalendarDate(2026, 11, 25)).synthesize(stack, flavor: .cloudFormation)
        let after = Synthesizer(files: SourceFiles(root: repositoryRoot), today: CalendarDate(2029, 7, 1)).synthesize(stack, flavor: .cloudFormation)
        #expect(before.diagnostics.isEmpty)
        #expect(after.diagnostics.map(\.severity) == [.error])
    }

    @Test func deprecatedRuntimeThroughAnOverrideIsAnErrorToo() {
        let result = synthesize { stack in
            let function = stack.add(Function("Old", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            function.addPropertyOverride("Runtime", "nodejs18.x")
        }
        #expect(result.messages == ["error Old Properties.Runtime: runtime nodejs18.x was deprecated on 2025-09-01; use nodejs24.x"])
    }

    @Test func lifecycleAroundTheDeprecationDate() {
        #expect(Runtime.python3_9.lifecycle(on: CalendarDate(2025, 6, 17)) == .supported)
        #expect(Runtime.python3_9.lifecycle(on: CalendarDate(2025, 6, 18)) == .deprecatedSoon(inDays: 180))
        #expect(Runtime.python3_9.lifecycle(on: CalendarDate(2025, 12, 14)) == .deprecatedSoon(inDays: 1))
        #expect(Runtime.python3_9.lifecycle(on: CalendarDate(2025, 12, 15)) == .deprecated)
        #expect(Runtime.python3_13.lifecycle(on: CalendarDate(2026, 11, 25)) == .supported)
        #expect(Runtime.nodejs22.lifecycle(on: CalendarDate(2026, 11, 25)) == .deprecatedSoon(inDays: 156))
    }

    @Test func dates() {
        #expect(Runtime.python3_9.deprecationDate.description == "2025-12-15")
        #expect(CalendarDate(1970, 1, 1).daysSinceEpoch == 0)
        #expect(CalendarDate(2000, 3, 1).daysSinceEpoch == 11017)
        #expect(CalendarDate(daysSinceEpoch: 20_437) == CalendarDate(2025, 12, 15))
        #expect(CalendarDate(2024, 2, 28).days(until: CalendarDate(2024, 3, 1)) == 2)
        #expect(CalendarDate.today() > CalendarDate(2024, 1, 1))
    }

    @Test func replacementsAreCurrent() {
        for runtime in Runtime.allCases {
            #expect(runtime.replacement.deprecationDate >= runtime.deprecationDate)
            #expect(runtime.replacement.replacement == runtime.replacement)
        }
        #expect(Runtime.allCases.filter(\.supportsInlineCode).map(\.rawValue).allSatisfy { $0.hasPrefix("python") || $0.hasPrefix("nodejs") })
    }
}

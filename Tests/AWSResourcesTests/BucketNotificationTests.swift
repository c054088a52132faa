import AWSResources
import CloudFormation
import Testing

/// Object-created notifications to a function: the configuration, the invoke permission,
/// the DependsOn that orders them, and the absence of a cycle.
@Suite struct BucketNotificationTests {
    static func function(_ stack: StackBuilder, _ logicalID: String = "Resizer", environment: KeyValuePairs<String, Value<String>> = [:]) -> Function {
        stack.add(Function(logicalID, runtime: .python3_13, handler: "index.lambda_handler", code: .s3(bucket: "artifacts", key: "resizer.zip"), environment: environment))
    }

    /// The GUID at the end of the stack's ID.
    static let guid = Fn.select(2, Fn.split("/", AWS.stackID))
    /// `<logical id>-<GUID of the stack ID>`.
    static let generatedName: Value<String> = "avatars-\(guid)"

    static func notifying(bucketName: Value<String>? = nil, grant: Bool = false) -> Synthesized {
        validate { stack in
            let bucket = stack.add(Bucket("Avatars", bucketName: bucketName))
            let resizer = function(stack)
            bucket.notify(on: .objectCreated, prefix: "uploads/", suffix: ".jpg", resizer)
            if grant {
                bucket.grantRead(resizer, prefix: "uploads/")
                bucket.grantPut(resizer, prefix: "thumbnails/")
            }
        }
    }

    @Test func theNotificationInvokesTheFunctionForMatchingKeys() {
        let result = Self.notifying()
        #expect(result.properties("Avatars")["NotificationConfiguration"] == ["LambdaConfigurations": [[
            "Event": "s3:ObjectCreated:*",
            "Filter": ["S3Key": ["Rules": [["Name": "prefix", "Value": "uploads/"], ["Name": "suffix", "Value": ".jpg"]]]],
            "Function": .getAtt("Resizer", "Arn"),
        ]]])
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func thePermissionNamesTheBucketWithoutReferringToIt() {
        let result = Self.notifying()
        #expect(result.properties("AvatarsInvokeResizer") == [
            "Action": "lambda:InvokeFunction",
            "FunctionName": .getAtt("Resizer", "Arn"),
            "Principal": "s3.amazonaws.com",
            "SourceAccount": .pseudo("AWS::AccountId"),
            "SourceArn": Value<String>("arn:\(AWS.partition):s3:::avatars-\(Self.guid)").raw,
        ])
        #expect(result.template.resource("AvatarsInvokeResizer")?.dependsOn == [])
    }

    @Test func theBucketIsNamedFromTheStackIDAndDependsOnThePermission() {
        let result = Self.notifying()
        #expect(result.properties("Avatars")["BucketName"] == Self.generatedName.raw)
        #expect(result.template.resource("Avatars")?.dependsOn == ["AvatarsInvokeResizer"])
        #expect(result.template.resources.map(\.logicalID) == ["Avatars", "AvatarsPolicy", "AvatarsInvokeResizer", "ResizerLogGroup", "ResizerRole", "Resizer"])
    }

    @Test func aGivenNameIsUsedAsIs() {
        let result = Self.notifying(bucketName: "cruddur-avatars")
        #expect(result.properties("Avatars")["BucketName"] == "cruddur-avatars")
        #expect(result.properties("AvatarsInvokeResizer")["SourceArn"] == Value<String>("arn:\(AWS.partition):s3:::cruddur-avatars").raw)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    /// bucket -> function (notification) -> role -> bucket (grant) would be a cycle; the
    /// grant names the bucket by its name, so the template has none (DependencyCycleRule ran).
    @Test func aNotifiedFunctionCanBeGrantedTheBucketWithoutACycle() {
        let result = Self.notifying(grant: true)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let statements = GrantTests.statements(result, role: "ResizerRole")
        #expect(statements.compactMap { $0.fields?["Sid"] } == ["WriteOwnLogs", "ReadAvatarsUploads", "ListAvatarsUploads", "PutAvatarsThumbnails"])
        #expect(statements[1].fields?["Resource"] == Value<String>("arn:\(AWS.partition):s3:::avatars-\(Self.guid)/uploads/*").raw)
        #expect(statements[2].fields?["Resource"] == Value<String>("arn:\(AWS.partition):s3:::avatars-\(Self.guid)").raw)
    }

    @Test func withoutNotificationsGrantsUseTheArnAttribute() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Avatars"))
            bucket.grantRead(Self.function(stack))
        }
        #expect(GrantTests.statements(result, role: "ResizerRole")[2].fields?["Resource"] == .getAtt("Avatars", "Arn"))
    }

    @Test func aNotificationAddedAfterTheGrantStillBreaksTheCycle() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Avatars"))
            let resizer = Self.function(stack)
            bucket.grantRead(resizer)
            bucket.notify(resizer)
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func theFunctionReadingTheBucketsRefIsACycleThatSynthesisReports() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Avatars"))
            bucket.notify(Self.function(stack, environment: ["BUCKET": bucket.name]))
        }
        #expect(result.errors.map(\.message) == ["circular dependency: Avatars -> AvatarsInvokeResizer -> Resizer -> Avatars"])
    }

    /// A role in another stack cannot spell the generated name (it holds the bucket stack's
    /// ID), so its grant refers to the bucket, through an export; a literal name it can spell.
    @Test func aRoleInAnotherStackGetsTheArnAcrossStacksOrTheLiteralName() {
        func run(bucketName: Value<String>?) -> SynthesisPipeline.Result {
            let app = App("app") { app in
                let data = app.stack("data")
                let bucket = data.add(Bucket("Avatars", bucketName: bucketName))
                bucket.notify(Self.function(data))
                let reader = app.stack("reader").add(Role("Reader", assumedBy: .lambda))
                bucket.grantRead(reader)
            }
            return SynthesisPipeline(app: app, files: SourceFiles(root: repositoryRoot), environment: .default, command: "infra synth").run()
        }
        let generated = run(bucketName: nil)
        #expect(!generated.hasErrors, "\(generated.diagnostics.map(\.description))")
        #expect(generated.dependencies["reader"] == ["data"])
        let literal = run(bucketName: "cruddur-avatars")
        #expect(!literal.hasErrors, "\(literal.diagnostics.map(\.description))")
        #expect(literal.dependencies["reader"] ?? [] == [])
    }

    @Test func oneFunctionGetsOnePermission() {
        let result = validate { stack in
            let bucket = stack.add(Bucket("Avatars"))
            let resizer = Self.function(stack)
            let auditor = Self.function(stack, "Auditor")
            bucket.notify(on: .objectCreated, prefix: "a/", resizer)
            bucket.notify(on: .objectCreated, prefix: "b/", resizer)
            bucket.notify(on: .objectRemoved, auditor)
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.template.resource("Avatars")?.dependsOn == ["AvatarsInvokeResizer", "AvatarsInvokeAuditor"])
        #expect(result.template.resources.filter { $0.type == "AWS::Lambda::Permission" }.map(\.logicalID) == ["AvatarsInvokeResizer", "AvatarsInvokeAuditor"])
    }

    @Test func overlappingNotificationsAreRefused() {
        let result = synthesize { stack in
            let bucket = stack.add(Bucket("Avatars"))
            let resizer = Self.function(stack)
            bucket.notify(on: .objectCreated, prefix: "uploads/", resizer)
            bucket.notify(on: .objectCreatedPut, prefix: "uploads/raw/", suffix: ".png", resizer)
            bucket.notify(on: .objectCreatedPut, prefix: "other/", resizer)
            bucket.notify(on: .objectRemoved, prefix: "uploads/", resizer)
        }
        #expect(result.messages == [
            "error Avatars Properties.NotificationConfiguration.LambdaConfigurations[1]: notification to Resizer on s3:ObjectCreated:Put (prefix 'uploads/raw/', suffix '.png') overlaps notification 0 to Resizer on s3:ObjectCreated:* (prefix 'uploads/'): one object can match both, and S3 refuses overlapping configurations; give them prefixes or suffixes that do not overlap",
        ])
    }

    @Test func disjointSuffixesDoNotOverlap() {
        let result = synthesize { stack in
            let bucket = stack.add(Bucket("Avatars"))
            let resizer = Self.function(stack)
            bucket.notify(suffix: ".jpg", resizer)
            bucket.notify(suffix: ".png", resizer)
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
    }

    @Test func anEmptyFilterIsRefused() {
        let result = synthesize { stack in
            stack.add(Bucket("Avatars")).notify(prefix: "", Self.function(stack))
        }
        #expect(result.messages == ["error Avatars Properties.NotificationConfiguration.LambdaConfigurations[0].Filter: the prefix filter is empty; leave it out to match every key"])
    }

    @Test func aGeneratedNameThatBreaksARuleIsReported() {
        let result = synthesize { stack in
            stack.add(Bucket("Sthree")).notify(Self.function(stack))
        }
        #expect(result.messages == ["error Sthree Properties.BucketName: the name generated for the notifying bucket, 'sthree-0123abcd-0123-0123-0123-0123456789ab', starts with 'sthree-', which S3 reserves; give the bucket a bucketName"])
    }

    @Test func aLongLogicalIDIsCutToFitTheName() {
        let logicalID = String(repeating: "Uploads", count: 10)
        let result = validate { stack in
            stack.add(Bucket(logicalID)).notify(Self.function(stack))
        }
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let prefix = String(logicalID.lowercased().prefix(26))
        #expect(result.properties(logicalID)["BucketName"] == Value<String>("\(prefix)-\(Self.guid)").raw)
    }
}

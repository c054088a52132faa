import AWSResources
import CloudFormation
import Testing

/// A function's description and environment size, and the runtime warnings.
@Suite struct FunctionLimitTests {
    static let code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    @Test func descriptionHasAtMost256Characters() {
        let result = validate { stack in
            stack.add(Function("Fits", description: String(repeating: "d", count: 256), runtime: .python3_13, handler: "app.handler", code: Self.code))
            stack.add(Function("App", description: String(repeating: "d", count: 257), runtime: .python3_13, handler: "app.handler", code: Self.code))
        }
        #expect(result.messages == ["error App Properties.Description: 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd…(257 characters)' is 257 characters long; at most 256 are allowed"])
    }

    @Test func environmentOver4KBIsAnError() {
        // "BIG" and 4093 bytes of value: 4096, Lambda's limit; one byte more is over it.
        let result = synthesize { stack in
            stack.add(Function("Fits", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["BIG": Value(String(repeating: "x", count: 4093))]))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["BIG": Value(String(repeating: "x", count: 4094))]))
        }
        #expect(result.messages == ["error App Properties.Environment.Variables: the environment variables take 4097 bytes; Lambda allows 4096 (4 KB) for all keys and values together"])
    }

    @Test func aBucketsNameAndArnsHaveAKnownLength() {
        let result = validate { stack in
            let uploads = stack.add(Bucket("Uploads"))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: [
                "BUCKET": uploads.name, "BUCKET_ARN": uploads.arn, "HOST": uploads.regionalDomainName, "GLOBAL_HOST": uploads.domainName,
            ]))
        }
        #expect(result.messages == [])
    }

    @Test func environmentSizeCountsBytesNotCharacters() {
        // 2047 two-byte characters and a four-byte key: 4098 bytes in 2051 characters.
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["NOTE": Value(String(repeating: "é", count: 2047))]))
        }
        #expect(result.messages == ["error App Properties.Environment.Variables: the environment variables take 4098 bytes; Lambda allows 4096 (4 KB) for all keys and values together"])
    }

    @Test func environmentSizeCountsAValueResolvedAtDeployAtItsLongest() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk")))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["BIG": Value(String(repeating: "x", count: 5000)), "TABLE": table.name]))
        }
        // 3 + 5,000 + 5 + at most 255 (a table name): 5,263.
        #expect(result.messages == ["error App Properties.Environment.Variables: the environment variables can take up to 5263 bytes once deployed (TABLE up to 255: a DynamoDB table name); Lambda allows 4096 (4 KB) for all keys and values together"])
    }

    @Test func unknownRuntimeIsAWarning() {
        let result = synthesize { stack in
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code))
            function.addPropertyOverride("Runtime", "python4.0")
        }
        #expect(result.messages == ["warning App Properties.Runtime: runtime 'python4.0' is not one infra knows; its deprecation date is not checked"])
    }

    @Test func runtimeDeprecatedSoonIsAWarningThroughSynthesis() {
        let stack = Stack("test") { stack in
            stack.add(Function("App", runtime: .nodejs22, handler: "index.handler", code: Self.code))
        }
        let result = Synthesizer(files: SourceFiles(root: repositoryRoot), today: synthesisDay).synthesize(stack, flavor: .cloudFormation)
        #expect(result.diagnostics.map { "\($0.severity.rawValue) \($0.element ?? "-") \($0.path ?? "-"): \($0.message)" } == [
            "warning App Properties.Runtime: runtime nodejs22.x will be deprecated on 2027-04-30 (in 156 days); move to nodejs24.x",
        ])
    }
}

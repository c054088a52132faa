import AWSResources
import CloudFormation
import Testing

/// Issue 14 part D: mistakes that validation used to let through (exit 0, then cfn-lint or
/// the deploy failed, or data was at risk).
@Suite struct LetThroughTests {
    static let code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    // MARK: Time to live on a key that is not a Number (item 4)

    @Test func timeToLiveOnAStringKeyIsAnError() {
        let result = synthesize { stack in
            stack.add(Table("Fits", partitionKey: .string("pk"), timeToLiveAttribute: "expires_at"))
            stack.add(Table("NumberKey", partitionKey: .string("pk"), sortKey: .number("expires"), timeToLiveAttribute: "expires"))
            stack.add(Table("Sessions", partitionKey: .string("pk"), sortKey: .string("expires"), timeToLiveAttribute: "expires"))
        }
        #expect(result.messages == [
            "error Sessions Properties.TimeToLiveSpecification.AttributeName: the time-to-live attribute 'expires' is a key attribute of type S (String); DynamoDB expires items only by a Number attribute (epoch seconds), so no item would ever expire: use a Number attribute",
        ])
    }

    @Test func timeToLiveOnAStringIndexKeySetByAnOverrideIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), timeToLiveAttribute: "ttl"))
            table.globalIndex("by-group", partitionKey: .binary("group"))
            table.addPropertyOverride("TimeToLiveSpecification.AttributeName", "group")
        }
        #expect(result.messages == [
            "error Messages Properties.TimeToLiveSpecification.AttributeName: the time-to-live attribute 'group' is a key attribute of type B (Binary); DynamoDB expires items only by a Number attribute (epoch seconds), so no item would ever expire: use a Number attribute",
        ])
    }

    // MARK: The 4 KB environment limit with intrinsics (item 5)

    @Test func environmentSizeBoundsATableNameAt255() {
        // "BIG" + 3,900 + "TABLE" + at most 255: 4,163 bytes once deployed.
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk")))
            stack.add(Function("Fits", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["BIG": Value(String(repeating: "x", count: 3800)), "TABLE": table.name]))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["BIG": Value(String(repeating: "x", count: 3900)), "TABLE": table.name]))
        }
        #expect(result.messages == [
            "error App Properties.Environment.Variables: the environment variables can take up to 4163 bytes once deployed (TABLE up to 255: a DynamoDB table name); Lambda allows 4096 (4 KB) for all keys and values together",
        ])
    }

    @Test func environmentSizeBoundsArnsSubsAndParameters() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
            let prefix = stack.parameter("Prefix", .string, ParameterOptions(description: "d", maxLength: 100))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: [
                "BIG": Value(String(repeating: "x", count: 3000)),
                "STREAM": table.streamArn,
                "ARN": table.arn,
                "PATH": "\(prefix)/\(AWS.region)",
            ]))
        }
        // 3 + 3,000 + 6 + 355 + 3 + 324 + 4 + (100 + 1 + 25) = 3,821: fits.
        #expect(result.messages == [])

        let over = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .newImage))
            let prefix = stack.parameter("Prefix", .string, ParameterOptions(description: "d", maxLength: 100))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: [
                "BIG": Value(String(repeating: "x", count: 3300)),
                "STREAM": table.streamArn,
                "ARN": table.arn,
                "PATH": "\(prefix)/\(AWS.region)",
            ]))
        }
        #expect(over.messages == [
            "error App Properties.Environment.Variables: the environment variables can take up to 4121 bytes once deployed (STREAM up to 355: a DynamoDB stream ARN; ARN up to 324: a DynamoDB table ARN; PATH up to 126: a Fn::Sub); Lambda allows 4096 (4 KB) for all keys and values together",
        ])
    }

    @Test func environmentSizeThatCannotBeBoundedIsAWarning() {
        let result = synthesize { stack in
            let thing = stack.add(RawResource("Thing", type: "Custom::Thing"))
            let name = stack.parameter("Name", .string, description: "no MaxLength")
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: [
                "THING": thing.attribute("Out"), "NAME": name,
            ]))
        }
        #expect(result.messages == [
            "warning App Properties.Environment.Variables: the size of the environment variables cannot be bounded: no maximum length is known for THING (!GetAtt Thing.Out), NAME (!Ref Name; give the parameter a MaxLength); Lambda rejects more than 4096 bytes (4 KB) of keys and values at deploy",
        ])
    }

    // MARK: A handler the inline file does not define (item 6)

    @Test func inlinePythonHandlerMustBeDefinedInTheFile() throws {
        let root = try temporaryProject(files: ["src/index.py": """
            import json

            def lambda_handler(event, context):
                return helper(event)

            async def helper(event):
                def handler(inner):  # nested: not a handler
                    pass
                return json.dumps(event)

            wrapped = lambda_handler
            from os import getenv as lookup
            """])
        let result = synthesize(root: root) { stack in
            stack.add(Function("Good", runtime: .python3_13, handler: "index.lambda_handler", code: .inline(file: "src/index.py")))
            stack.add(Function("Async", runtime: .python3_13, handler: "index.helper", code: .inline(file: "src/index.py")))
            stack.add(Function("Assigned", runtime: .python3_13, handler: "index.wrapped", code: .inline(file: "src/index.py")))
            stack.add(Function("Imported", runtime: .python3_13, handler: "index.lookup", code: .inline(file: "src/index.py")))
            stack.add(Function("App", runtime: .python3_13, handler: "index.handler", code: .inline(file: "src/index.py")))
        }
        #expect(result.messages == [
            "error App Properties.Handler: the handler 'index.handler' names the function 'handler', which src/index.py does not define at top level; the file defines: lambda_handler, helper (set the handler to index.<one of them>, or define 'handler')",
        ])
    }

    @Test func inlineNodeHandlerMustBeExported() throws {
        let forms = [
            "exports.handler = async (event) => event;",
            "module.exports.handler = async function (event) { return event; };",
            "export const handler = async (event) => event;",
            "export function handler(event) { return event; }",
            "export async function handler(event) { return event; }",
            "module.exports = {\n  other,\n  handler: async (event) => event,\n};",
            "module.exports = { handler };",
        ]
        var files: [String: String] = [:]
        for (position, form) in forms.enumerated() { files["n\(position)/index.js"] = form }
        files["bad/index.js"] = "exports.main = async (event) => event;\nfunction handler() {}\nexport const other = 1;\n"
        let root = try temporaryProject(files: files)
        let result = synthesize(root: root) { stack in
            for position in forms.indices {
                stack.add(Function("Node\(position)", runtime: .nodejs24, handler: "index.handler", code: .inline(file: "n\(position)/index.js")))
            }
            stack.add(Function("App", runtime: .nodejs24, handler: "index.handler", code: .inline(file: "bad/index.js")))
        }
        #expect(result.messages == [
            "error App Properties.Handler: the handler 'index.handler' names the function 'handler', which bad/index.js does not export; the file exports: main, other (set the handler to index.<one of them>, or export 'handler')",
        ])
    }

    // MARK: Messages (item 7)

    @Test func environmentVariableNameMessageStatesTheRule() {
        let result = synthesize { stack in
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: ["V": "x"]))
        }
        #expect(result.messages == [
            "error App Properties.Environment.Variables.V: environment variable name 'V' must be a letter followed by at least one letter, digit or underscore (Lambda's pattern [a-zA-Z][a-zA-Z0-9_]+)",
        ])
    }

    @Test func longValuesAreShortenedInMessagesAndPaths() {
        let key = "1" + String(repeating: "K", count: 4999)
        let shown = "1" + String(repeating: "K", count: 59) + "…(5,000 characters)"
        let result = synthesize { stack in
            stack.add(Table("Messages", tableName: Value(String(repeating: "t", count: 300)), partitionKey: .string("pk")))
            stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code, environment: [key: "x"]))
        }
        #expect(result.messages == [
            "error Messages Properties.TableName: table name '\(String(repeating: "t", count: 60))…(300 characters)' has 300 characters; it needs 3 to 255",
            "error App Properties.Environment.Variables.\(shown): environment variable name '\(shown)' must be a letter followed by at least one letter, digit or underscore (Lambda's pattern [a-zA-Z][a-zA-Z0-9_]+)",
            "error App Properties.Environment.Variables: the environment variables take 5001 bytes; Lambda allows 4096 (4 KB) for all keys and values together",
        ])
    }

    // MARK: A GetAtt of a resource never added (item 8)

    @Test func aGrantOnATableNeverAddedSaysToAddIt() {
        let stack = Stack("test") { stack in
            let table = Table("Messages", partitionKey: .string("pk"))   // never added
            let function = stack.add(Function("App", runtime: .python3_13, handler: "app.handler", code: Self.code))
            table.grantReadData(function)
        }
        let synthesized = Synthesizer(files: SourceFiles(root: repositoryRoot), today: synthesisDay).synthesize(stack, flavor: .cloudFormation)
        let messages = Validator.validate(synthesized.template, stack: "test").map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.hasSuffix(": gets attribute 'Arn' of 'Messages', which is not a resource of this stack; 'Messages' (AWS::DynamoDB::Table) was made but never added to a stack: add it with stack.add(...)") == true)
        #expect(messages.first?.hasPrefix("error: test: AppRole: Properties.Policies[0].PolicyDocument.Statement[") == true)
    }
}

import AWSResources
import CloudFormation
import Testing

@Suite struct EventSourceMappingTests {
    /// A table with a stream, a function, and the mapping `configure` makes between them,
    /// without its default alarms (StreamAlarmTests covers those).
    static func mapping(
        stream viewType: StreamViewType = .newImage,
        _ configure: @escaping @Sendable (Function, TableStream) -> EventSourceMapping
    ) -> Synthesized {
        validate { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), sortKey: .number("sk"), stream: viewType))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            let mapping = configure(function, table.stream)
            mapping.alarms = .none
            stack.add(mapping)
        }
    }

    @Test func minimalMapping() throws {
        let result = Self.mapping { function, stream in
            function.trigger(on: stream, startingPosition: .latest)
        }
        let mapping = try #require(result.template.resource("ConsumerMessagesEvents"))
        #expect(mapping.type == "AWS::Lambda::EventSourceMapping")
        #expect(mapping.properties == [
            "EventSourceArn": .getAtt("Messages", "StreamArn"),
            "FunctionName": .ref("Consumer"),
            "StartingPosition": "LATEST",
            "Enabled": true,
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func theMappingGrantsItsOwnStreamRead() throws {
        let result = Self.mapping { function, stream in
            function.trigger(on: stream, startingPosition: .trimHorizon)
        }
        let statements = result.properties("ConsumerRole")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items
        #expect(statements == [
            ["Sid": "WriteOwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": .getAtt("ConsumerLogGroup", "Arn")],
            ["Sid": "ReadMessagesStream", "Effect": "Allow", "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], "Resource": .getAtt("Messages", "StreamArn")],
            ["Sid": "ListStreamsHasNoResourceLevelPermissions", "Effect": "Allow", "Action": "dynamodb:ListStreams", "Resource": "*"],
        ])
    }

    @Test func theMappingWaitsForThePermissions() throws {
        // mapping -> function (Ref) -> role (GetAtt) whose inline policy holds the stream read:
        // CloudFormation cannot create the mapping before the permissions exist.
        let result = Self.mapping { function, stream in
            function.trigger(on: stream, startingPosition: .latest)
        }
        let order = result.template.resources.map(\.logicalID)
        #expect(order == ["Messages", "ConsumerLogGroup", "ConsumerRole", "Consumer", "ConsumerMessagesEvents"])
        #expect(result.properties("ConsumerMessagesEvents")["FunctionName"] == .ref("Consumer"))
        #expect(result.properties("Consumer")["Role"] == .getAtt("ConsumerRole", "Arn"))
        #expect(result.properties("ConsumerRole")["Policies"] != nil)
    }

    @Test func allSettingsRender() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .keysOnly))
            let failures = stack.add(Queue("Failures"))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            let mapping = function.trigger(
                on: table.stream, batchSize: 10000, startingPosition: .trimHorizon, maximumBatchingWindowInSeconds: 300,
                reportBatchItemFailures: true, bisectBatchOnFunctionError: false, maximumRetryAttempts: -1,
                maximumRecordAgeInSeconds: -1, parallelizationFactor: 10, tumblingWindowInSeconds: 900,
                onFailure: .queue(failures), enabled: false, alarms: .none, logicalID: "Custom"
            )
            stack.add(mapping)
        }
        #expect(result.properties("Custom") == [
            "EventSourceArn": .getAtt("Messages", "StreamArn"),
            "FunctionName": .ref("Consumer"),
            "BatchSize": 10000,
            "StartingPosition": "TRIM_HORIZON",
            "Enabled": false,
            "MaximumBatchingWindowInSeconds": 300,
            "ParallelizationFactor": 10,
            "BisectBatchOnFunctionError": false,
            "MaximumRetryAttempts": -1,
            "MaximumRecordAgeInSeconds": -1,
            "TumblingWindowInSeconds": 900,
            "DestinationConfig": ["OnFailure": ["Destination": .getAtt("Failures", "Arn")]],
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [0, 10001, 20000])
    func batchSizeOutOfRangeIsAnError(_ size: Int) {
        let result = Self.mapping { function, stream in
            function.trigger(on: stream, batchSize: size, startingPosition: .latest)
        }
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.BatchSize: \(size) is \(size < 1 ? "below the minimum 1" : "above the maximum 10000")"])
    }

    @Test func missingStartingPositionIsAnError() {
        let result = Self.mapping { function, stream in
            let mapping = function.trigger(on: stream, startingPosition: .latest)
            mapping.addPropertyDeletionOverride("StartingPosition")
            return mapping
        }
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.StartingPosition: a DynamoDB stream mapping needs a starting position: LATEST or TRIM_HORIZON"])
    }

    @Test func timestampStartingPositionIsAnError() {
        let result = Self.mapping { function, stream in
            let mapping = function.trigger(on: stream, startingPosition: .latest)
            mapping.addPropertyOverride("StartingPosition", "AT_TIMESTAMP")
            return mapping
        }
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.StartingPosition: starting position 'AT_TIMESTAMP' is not valid for a DynamoDB stream; use LATEST or TRIM_HORIZON"])
    }

    @Test func otherRangesAreChecked() {
        let result = Self.mapping { function, stream in
            function.trigger(
                on: stream, startingPosition: .latest, maximumBatchingWindowInSeconds: 301,
                maximumRetryAttempts: 10001, maximumRecordAgeInSeconds: 59, parallelizationFactor: 0, tumblingWindowInSeconds: 901
            )
        }
        #expect(result.messages == [
            "error ConsumerMessagesEvents Properties.MaximumRecordAgeInSeconds: maximum record age 59 s must be -1 (no limit) or at least 60",
            "error ConsumerMessagesEvents Properties.MaximumBatchingWindowInSeconds: 301 is above the maximum 300",
            "error ConsumerMessagesEvents Properties.ParallelizationFactor: 0 is below the minimum 1",
            "error ConsumerMessagesEvents Properties.MaximumRetryAttempts: 10001 is above the maximum 10000",
            "error ConsumerMessagesEvents Properties.TumblingWindowInSeconds: 901 is above the maximum 900",
        ])
    }

    @Test func onFailureTopicGrantsPublish() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .keysOnly))
            let alerts = stack.add(Topic("Alerts"))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .topic(alerts)))
        }
        #expect(result.properties("ConsumerMessagesEvents")["DestinationConfig"] == ["OnFailure": ["Destination": .ref("Alerts")]])
        let statements = result.properties("ConsumerRole")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items
        #expect(statements?.last == ["Sid": "PublishFailedRecordsToAlerts", "Effect": "Allow", "Action": "sns:Publish", "Resource": .ref("Alerts")])
    }

    @Test func aMappingThatIsNeverAddedIsAnError() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .keysOnly))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k")))
            function.trigger(on: table.stream, startingPosition: .latest)
        }
        #expect(result.messages == ["error Consumer -: the event-source mapping ConsumerMessagesEvents made by trigger(on:) was never added to the stack; add it with stack.add(...)"])
    }

    @Test func importedRoleGetsWarningsForTheMappingsPermissions() {
        let result = synthesize { stack in
            let table = stack.add(Table("Messages", partitionKey: .string("pk"), stream: .keysOnly))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "b", key: "k"), role: .imported(arn: "arn:aws:iam::111122223333:role/c")))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest))
        }
        #expect(result.errors.isEmpty)
        #expect(result.messages.contains("warning Consumer Properties.Role: the imported role must allow dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator on !GetAtt Messages.StreamArn to read the stream of Messages"))
    }
}

@Suite struct StreamFilterTests {
    static func patterns(stream viewType: StreamViewType = .newAndOldImages, _ filters: [StreamFilter]) -> (patterns: [String], messages: [String]) {
        let result = EventSourceMappingTests.mapping(stream: viewType) { function, stream in
            function.trigger(on: stream, startingPosition: .latest, filters: filters)
        }
        let patterns = result.properties("ConsumerMessagesEvents")["FilterCriteria"]?.fields?["Filters"]?.items?.compactMap { $0.fields?["Pattern"]?.literalString } ?? []
        return (patterns, result.messages)
    }

    @Test func eventNameAndKeyPrefix() {
        let result = Self.patterns([StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))])
        #expect(result.patterns == [#"{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"MSG#"}]}}}}"#])
        #expect(result.messages.isEmpty)
    }

    @Test func keyTypeComesFromTheTable() {
        let result = Self.patterns([StreamFilter(.key("sk", .equals("42")), .key("pk", .anythingBut(["a", "b"])))])
        #expect(result.patterns == [#"{"dynamodb":{"Keys":{"sk":{"N":["42"]},"pk":{"S":[{"anything-but":["a","b"]}]}}}}"#])
    }

    @Test func imagesAndExistence() {
        let result = Self.patterns([
            StreamFilter(.newImage("status", .string, .equals("sent"), .prefix("sent-")), .oldImage("status", .string, .exists)),
            StreamFilter(.eventName(.remove, .modify), .newImage("deleted_at", .number, .doesNotExist)),
        ])
        #expect(result.patterns == [
            #"{"dynamodb":{"NewImage":{"status":{"S":["sent",{"prefix":"sent-"}]}},"OldImage":{"status":{"S":[{"exists":true}]}}}}"#,
            #"{"eventName":["REMOVE","MODIFY"],"dynamodb":{"NewImage":{"deleted_at":{"N":[{"exists":false}]}}}}"#,
        ])
        #expect(result.messages.isEmpty)
    }

    @Test func textIsEscaped() {
        let result = Self.patterns([StreamFilter(.key("pk", .equals("a\"b\\c\nd\u{1}")))])
        #expect(result.patterns == [#"{"dynamodb":{"Keys":{"pk":{"S":["a\"b\\c\nd\u0001"]}}}}"#])
    }

    @Test func filterOnANonKeyIsAnError() {
        let result = Self.patterns([StreamFilter(.eventName(.insert), .key("owner", .equals("x")))])
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.FilterCriteria.Filters[0].Pattern: filter on key 'owner', which is not a key of table Messages (pk, sk); stream records carry only the table's keys"])
    }

    @Test func imageFilterNeedsTheImageInTheStream() {
        let result = Self.patterns(stream: .keysOnly, [StreamFilter(.newImage("status", .string, .equals("x")), .oldImage("status", .string, .equals("y")))])
        #expect(result.messages == [
            "error ConsumerMessagesEvents Properties.FilterCriteria.Filters[0].Pattern: filter on the new image of 'status', but the stream of Messages is KEYS_ONLY",
            "error ConsumerMessagesEvents Properties.FilterCriteria.Filters[0].Pattern: filter on the old image of 'status', but the stream of Messages is KEYS_ONLY",
        ])
    }

    @Test func emptyFiltersAreErrors() {
        let result = Self.patterns([StreamFilter(), StreamFilter(.key("pk"))])
        #expect(result.messages == [
            "error ConsumerMessagesEvents Properties.FilterCriteria.Filters[0].Pattern: filter 1 has no conditions, so it would match every record; leave it out instead",
            "error ConsumerMessagesEvents Properties.FilterCriteria.Filters[1].Pattern: the condition on dynamodb.Keys.pk.S lists no values, so it matches nothing",
        ])
    }

    @Test func atMostFiveFilters() {
        let result = Self.patterns((1...6).map { StreamFilter(.key("pk", .equals("\($0)"))) })
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.FilterCriteria.Filters: the mapping has 6 filters; Lambda allows 5 by default"])
    }

    @Test func patternLengthIsChecked() {
        let result = Self.patterns([StreamFilter(.key("pk", .equals(String(repeating: "x", count: 4096))))])
        #expect(result.messages == ["error ConsumerMessagesEvents Properties.FilterCriteria.Filters[0].Pattern: filter pattern has 4135 characters; the limit is 4096"])
    }
}

import AWSResources
import CloudFormation
import Testing

@Suite struct StreamAlarmTests {
    static let s3Code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    /// A table with a stream, a failure queue and a function, triggered with `alarms`.
    static func trigger(
        _ flavor: Flavor = .cloudFormation,
        maximumRecordAge: Int? = nil,
        onFailure: Bool = true,
        alarms: @escaping @Sendable (StackBuilder) -> StreamAlarms?
    ) -> Synthesized {
        validate(flavor) { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
            let failures = stack.add(Queue("OrderFailures"))
            let function = stack.add(Function("Projector", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            let given = alarms(stack)
            let mapping = function.trigger(on: table.stream, startingPosition: .latest, maximumRecordAgeInSeconds: maximumRecordAge,
                                           onFailure: onFailure ? .queue(failures) : nil)
            if let given { mapping.alarms = given }
            stack.add(mapping)
        }
    }

    static let alarmIDs = ["ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm", "OrderFailuresMessagesVisibleAlarm"]

    static func alarmIDs(in result: Synthesized) -> [String] {
        result.template.resources.filter { $0.type == "AWS::CloudWatch::Alarm" }.map(\.logicalID)
    }

    // MARK: By default

    @Test func aTriggerGetsThreeAlarmsByDefaultAndAWarning() {
        let result = Self.trigger { _ in nil }
        #expect(result.template.resources.map(\.logicalID) == ["Orders", "OrderFailures", "ProjectorLogGroup", "ProjectorRole", "Projector"] + Self.alarmIDs + ["ProjectorOrdersEvents"])
        #expect(result.messages == [
            "warning ProjectorOrdersEvents -: the trigger's alarms (ProjectorIteratorAgeAlarm, ProjectorErrorsAlarm, OrderFailuresMessagesVisibleAlarm) have no actions, so nobody is notified when they fire: give an SNS topic with alarms: .notify(topic) (a Topic, or a parameter holding its ARN), alarms: .withoutActions to keep them as they are, or alarms: .none",
        ])
        for id in Self.alarmIDs {
            #expect(result.properties(id)["AlarmActions"] == nil)
        }
    }

    @Test func theIteratorAgeAlarm() {
        let result = Self.trigger(maximumRecordAge: 600) { _ in nil }
        var properties = result.properties("ProjectorIteratorAgeAlarm")
        #expect(properties["AlarmDescription"] != nil)
        properties["AlarmDescription"] = nil
        #expect(properties == [
            "ComparisonOperator": "GreaterThanThreshold",
            "DatapointsToAlarm": 5,
            "Dimensions": [["Name": "FunctionName", "Value": .ref("Projector")]],
            "EvaluationPeriods": 5,
            "MetricName": "IteratorAge",
            "Namespace": "AWS/Lambda",
            "Period": 60,
            "Statistic": "Maximum",
            "Threshold": .number("300000"),  // half of 600 s, in milliseconds
            "TreatMissingData": "notBreaching",
        ])
    }

    @Test func theErrorsAlarm() {
        var properties = Self.trigger { _ in nil }.properties("ProjectorErrorsAlarm")
        #expect(properties["AlarmDescription"] != nil)
        properties["AlarmDescription"] = nil
        #expect(properties == [
            "ComparisonOperator": "GreaterThanThreshold",
            "DatapointsToAlarm": 1,
            "Dimensions": [["Name": "FunctionName", "Value": .ref("Projector")]],
            "EvaluationPeriods": 5,
            "MetricName": "Errors",
            "Namespace": "AWS/Lambda",
            "Period": 60,
            "Statistic": "Sum",
            "Threshold": .number("0"),
            "TreatMissingData": "notBreaching",
        ])
    }

    @Test func theFailedRecordsAlarm() {
        var properties = Self.trigger { _ in nil }.properties("OrderFailuresMessagesVisibleAlarm")
        #expect(properties["AlarmDescription"] == "Trigger ProjectorOrdersEvents gave up on records: they are in OrderFailures for a person to look at.")
        properties["AlarmDescription"] = nil
        #expect(properties == [
            "ComparisonOperator": "GreaterThanThreshold",
            "DatapointsToAlarm": 1,
            "Dimensions": [["Name": "QueueName", "Value": .getAtt("OrderFailures", "QueueName")]],
            "EvaluationPeriods": 1,
            "MetricName": "ApproximateNumberOfMessagesVisible",
            "Namespace": "AWS/SQS",
            "Period": 60,
            "Statistic": "Maximum",
            "Threshold": .number("0"),
            "TreatMissingData": "notBreaching",
        ])
    }

    // MARK: Thresholds

    @Test(arguments: [(nil, "3600000"), (-1, "3600000"), (60, "30000"), (3_600, "1800000"), (604_800, "302400000"), (61, "30000")] as [(Int?, String)])
    func theIteratorAgeThresholdIsHalfTheMaximumRecordAge(_ age: Int?, _ milliseconds: String) {
        let result = Self.trigger(maximumRecordAge: age) { _ in nil }
        #expect(result.properties("ProjectorIteratorAgeAlarm")["Threshold"] == .number(milliseconds))
    }

    @Test func aGivenThresholdWins() {
        let result = Self.trigger(maximumRecordAge: 3_600) { _ in .withoutActions(iteratorAgeThreshold: 120) }
        #expect(result.properties("ProjectorIteratorAgeAlarm")["Threshold"] == .number("120000"))
    }

    @Test func aGivenThresholdIsAtLeastASecond() {
        #expect(Self.trigger { _ in .withoutActions(iteratorAgeThreshold: 1) }.diagnostics.isEmpty)
        #expect(Self.trigger { _ in .withoutActions(iteratorAgeThreshold: 0) }.messages == [
            "error ProjectorOrdersEvents -: the IteratorAge alarm's threshold 0 s must be at least 1 s; every processed record is older than 0",
        ])
    }

    @Test func aQueueTriggerGetsNoAlarms() {
        let result = validate { stack in
            let jobs = stack.add(Queue("Jobs"))
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: jobs))
        }
        #expect(result.diagnostics.isEmpty)
        #expect(Self.alarmIDs(in: result).isEmpty)
    }

    @Test func aQueueTriggerAskingForStreamAlarmsIsAnError() {
        let result = validate { stack in
            let jobs = stack.add(Queue("Jobs"))
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            let mapping = function.trigger(on: jobs)
            mapping.alarms = .withoutActions()
            stack.add(mapping)
        }
        #expect(result.messages == [
            "error WorkerJobsEvents -: stream alarms are for stream triggers; a queue has no iterator age and no on-failure destination: remove alarms (or set alarms: .none), and alarm on the queue's metrics with Alarm(...)",
        ])
        #expect(Self.alarmIDs(in: result).isEmpty)
    }

    // MARK: Actions and opting out

    @Test func aTopicIsNotifiedOnAlarmAndOnRecovery() {
        let result = Self.trigger { stack in .notify(stack.add(Topic("Ops"))) }
        #expect(result.diagnostics.isEmpty)
        for id in Self.alarmIDs {
            #expect(result.properties(id)["AlarmActions"] == [.ref("Ops")])
            #expect(result.properties(id)["OKActions"] == [.ref("Ops")])
            #expect(result.properties(id)["InsufficientDataActions"] == nil)
        }
    }

    @Test func aParameterHoldingATopicARNIsNotified() {
        let result = Self.trigger { stack in .notify(stack.parameter("AlarmTopicArn", .string, description: "Ops.")) }
        #expect(result.diagnostics.isEmpty)
        #expect(result.properties("ProjectorErrorsAlarm")["AlarmActions"] == [.ref("AlarmTopicArn")])
    }

    @Test func noneOptsOut() {
        let result = Self.trigger { _ in StreamAlarms.none }
        #expect(Self.alarmIDs(in: result).isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func withoutActionsKeepsThemQuietly() {
        let result = Self.trigger { _ in .withoutActions() }
        #expect(Self.alarmIDs(in: result) == Self.alarmIDs)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func eachAlarmIsOptOut() {
        #expect(Self.alarmIDs(in: Self.trigger { _ in .withoutActions(only: [.iteratorAge]) }) == ["ProjectorIteratorAgeAlarm"])
        #expect(Self.alarmIDs(in: Self.trigger { _ in .withoutActions(only: [.errors]) }) == ["ProjectorErrorsAlarm"])
        #expect(Self.alarmIDs(in: Self.trigger { _ in .withoutActions(only: [.failedRecords]) }) == ["OrderFailuresMessagesVisibleAlarm"])
        #expect(Self.alarmIDs(in: Self.trigger { _ in .withoutActions(only: [.iteratorAge, .failedRecords]) }) == ["ProjectorIteratorAgeAlarm", "OrderFailuresMessagesVisibleAlarm"])
    }

    @Test func noQueueNoQueueAlarm() {
        let result = Self.trigger(onFailure: false) { _ in .withoutActions() }
        #expect(Self.alarmIDs(in: result) == ["ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm"])
    }

    @Test func aTopicDestinationHasNoQueueAlarm() {
        let result = validate { stack in
            let table = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
            let alerts = stack.add(Topic("Alerts"))
            let function = stack.add(Function("Projector", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: table.stream, startingPosition: .latest, onFailure: .topic(alerts), alarms: .notify(alerts)))
        }
        #expect(Self.alarmIDs(in: result) == ["ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm"])
    }

    // MARK: Several triggers, flavors

    @Test func twoTriggersOfOneFunctionShareItsAlarms() {
        let result = validate { stack in
            let orders = stack.add(Table("Orders", partitionKey: .string("pk"), stream: .newImage))
            let users = stack.add(Table("Users", partitionKey: .string("id"), stream: .newImage))
            let failures = stack.add(Queue("UserFailures"))
            let ops = stack.add(Topic("Ops"))
            let pager = stack.add(Topic("Pager"))
            let function = stack.add(Function("Projector", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(function.trigger(on: orders.stream, startingPosition: .latest, maximumRecordAgeInSeconds: 7_200, alarms: .notify(ops)))
            stack.add(function.trigger(on: users.stream, startingPosition: .latest, maximumRecordAgeInSeconds: 600, onFailure: .queue(failures), alarms: .notify(ops, pager)))
        }
        #expect(result.diagnostics.isEmpty)
        #expect(Self.alarmIDs(in: result) == ["ProjectorIteratorAgeAlarm", "ProjectorErrorsAlarm", "UserFailuresMessagesVisibleAlarm"])
        // The smallest threshold of the two (half of 600 s), and both triggers' topics, once each.
        #expect(result.properties("ProjectorIteratorAgeAlarm")["Threshold"] == .number("300000"))
        #expect(result.properties("ProjectorErrorsAlarm")["AlarmActions"] == [.ref("Ops"), .ref("Pager")])
        #expect(result.properties("UserFailuresMessagesVisibleAlarm")["AlarmActions"] == [.ref("Ops"), .ref("Pager")])
    }

    @Test func theSAMFlavorKeepsTheAlarms() {
        let result = Self.trigger(.sam) { stack in .notify(stack.add(Topic("Ops"))) }
        #expect(result.template.resource("Projector")?.type == "AWS::Serverless::Function")
        #expect(result.template.resource("ProjectorOrdersEvents") == nil)
        #expect(Self.alarmIDs(in: result) == Self.alarmIDs)
        #expect(result.properties("ProjectorErrorsAlarm")["Dimensions"] == [["Name": "FunctionName", "Value": .ref("Projector")]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func theWarningIsGivenInTheSAMFlavorToo() {
        let result = Self.trigger(.sam) { _ in nil }
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.element == "ProjectorOrdersEvents")
    }
}

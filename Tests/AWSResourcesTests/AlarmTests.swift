import AWSKinesis
import AWSResources
import CloudFormation
import Testing

/// The alarm golden fixture (Fixtures/alarm.yaml): one alarm per resource that has metrics,
/// every setting and every kind of action.
enum AlarmFixtures {
    static let alarm = Stack("alarm") { stack in
        let opsTopicARN = stack.parameter("OpsTopicArn", .string, description: "The ops topic.")
        let pager = stack.add(Topic("Pager"))
        let table = stack.add(Table("Orders", partitionKey: .string("pk")))
        let queue = stack.add(Queue("Jobs"))
        let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "worker.zip")))
        stack.add(Alarm(
            "WorkerSlow",
            metric: function.metric(.duration, statistic: .percentile(99.9), period: 60),
            threshold: 2_500,
            comparison: .greaterThanOrEqualToThreshold,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            missingData: .ignore,
            alarmName: "worker-slow",
            description: "The slowest invocations take 2.5 s.",
            actions: [pager, opsTopicARN],
            okActions: [opsTopicARN],
            insufficientDataActions: [opsTopicARN]
        ))
        stack.add(Alarm(
            "JobsBacklog",
            metric: queue.metric(.approximateAgeOfOldestMessage),
            threshold: 900,
            comparison: .greaterThanThreshold,
            evaluationPeriods: 3,
            actions: [pager]
        ))
        stack.add(Alarm(
            "OrdersWritesThrottled",
            metric: table.metric(.throttledRequests(.putItem), period: 60),
            threshold: 0,
            comparison: .greaterThanThreshold,
            evaluationPeriods: 1,
            missingData: .notBreaching
        ))
        stack.add(Alarm(
            "PagerDeliveriesFailing",
            metric: pager.metric(.numberOfNotificationsFailed, period: 60),
            threshold: 0,
            comparison: .greaterThanThreshold,
            evaluationPeriods: 5,
            missingData: .notBreaching,
            actions: [opsTopicARN]
        ))
        let uploads = stack.add(Bucket("Uploads"))
        stack.add(Alarm(
            "UploadsTooMany",
            metric: uploads.metric(.numberOfObjects),
            threshold: 10_000_000,
            comparison: .greaterThanThreshold,
            evaluationPeriods: 1,
            actions: [pager]
        ))
        let clicks = stack.add(CfnStream("Clicks", shardCount: 1))
        stack.add(Alarm(
            "ClicksBehind",
            metric: clicks.metric(.getRecordsIteratorAgeMilliseconds, period: 60),
            threshold: 60_000,
            comparison: .greaterThanThreshold,
            evaluationPeriods: 5,
            actions: [pager]
        ))
        stack.add(Alarm(
            "NoSignups",
            metric: Metric(namespace: MetricNamespace("Cruddur"), name: "Signups", statistic: .sampleCount, period: 3_600, unit: .count),
            threshold: 1,
            comparison: .lessThanThreshold,
            evaluationPeriods: 24,
            missingData: .breaching
        ))
    }
}

@Suite struct AlarmTests {
    static let s3Code = FunctionCode.s3(bucket: "artifacts", key: "app.zip")

    /// One alarm on a function's Errors, with `configure` applied before it is added.
    static func alarm(_ configure: @escaping @Sendable (Alarm) -> Void = { _ in }) -> Synthesized {
        validate { stack in
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            let alarm = Alarm("WorkerErrors", metric: function.metric(.errors, period: 60), threshold: 0, comparison: .greaterThanThreshold, evaluationPeriods: 5)
            configure(alarm)
            stack.add(alarm)
        }
    }

    @Test func rendersThroughTheGeneratedType() {
        let result = Self.alarm()
        #expect(result.template.resource("WorkerErrors")?.type == "AWS::CloudWatch::Alarm")
        #expect(result.properties("WorkerErrors") == [
            "ComparisonOperator": "GreaterThanThreshold",
            "Dimensions": [["Name": "FunctionName", "Value": .ref("Worker")]],
            "EvaluationPeriods": 5,
            "MetricName": "Errors",
            "Namespace": "AWS/Lambda",
            "Period": 60,
            "Statistic": "Sum",
            "Threshold": .number("0"),
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aPercentileIsAnExtendedStatistic() {
        let cases: [(Double, String)] = [(99, "p99"), (99.9, "p99.9"), (99.99, "p99.99"), (0.5, "p0.5"), (0.05, "p0.05"), (100, "p100")]
        for (percentile, spelled) in cases {
            let result = Self.alarm { $0.metric = $0.metric.with(statistic: .percentile(percentile)) }
            #expect(result.properties("WorkerErrors")["ExtendedStatistic"] == .string(spelled))
            #expect(result.properties("WorkerErrors")["Statistic"] == nil)
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test func actionsOfEveryKindRenderAsARNs() {
        let result = validate { stack in
            let ops = stack.parameter("OpsTopicArn", .string, description: "Ops.")
            let pager = stack.add(Topic("Pager"))
            let function = stack.add(Function("Worker", runtime: .python3_13, handler: "app.handler", code: Self.s3Code))
            stack.add(Alarm("WorkerErrors", metric: function.metric(.errors), threshold: 0, comparison: .greaterThanThreshold, evaluationPeriods: 1,
                            actions: [pager, ops], okActions: [ops], insufficientDataActions: [Value<String>("arn:aws:sns:ca-central-1:111122223333:audit")]))
        }
        let properties = result.properties("WorkerErrors")
        #expect(properties["AlarmActions"] == [.ref("Pager"), .ref("OpsTopicArn")])
        #expect(properties["OKActions"] == [.ref("OpsTopicArn")])
        #expect(properties["InsufficientDataActions"] == ["arn:aws:sns:ca-central-1:111122223333:audit"])
        #expect(result.diagnostics.isEmpty)
    }

    // MARK: Metrics

    @Test func functionMetricsNameTheFunction() {
        let function = Function("Worker", runtime: .python3_13, handler: "app.handler", code: Self.s3Code)
        let expected: [(FunctionMetric, String, MetricStatistic)] = [
            (.errors, "Errors", .sum), (.throttles, "Throttles", .sum), (.duration, "Duration", .average),
            (.iteratorAge, "IteratorAge", .maximum), (.invocations, "Invocations", .sum), (.concurrentExecutions, "ConcurrentExecutions", .maximum),
        ]
        for (kind, name, statistic) in expected {
            let metric = function.metric(kind)
            #expect(metric.namespace == .lambda && metric.namespace.name == "AWS/Lambda")
            #expect(metric.name == name)
            #expect(metric.statistic == statistic)
            #expect(metric.period == 300)
            #expect(metric.dimensions.map(\.name) == ["FunctionName"])
            #expect(metric.dimensions.map(\.value) == [function.name])
        }
    }

    @Test func queueMetricsNameTheQueue() {
        let queue = Queue("Jobs")
        let expected: [(QueueMetric, String, MetricStatistic)] = [
            (.approximateNumberOfMessagesVisible, "ApproximateNumberOfMessagesVisible", .maximum),
            (.approximateAgeOfOldestMessage, "ApproximateAgeOfOldestMessage", .maximum),
            (.numberOfMessagesSent, "NumberOfMessagesSent", .sum),
        ]
        for (kind, name, statistic) in expected {
            let metric = queue.metric(kind)
            #expect(metric.namespace.name == "AWS/SQS")
            #expect(metric.name == name)
            #expect(metric.statistic == statistic)
            #expect(metric.dimensions.map(\.name) == ["QueueName"])
            #expect(metric.dimensions.map(\.value) == [queue.name])
        }
    }

    @Test func tableMetricsNameTheTableAndTheOperation() {
        let table = Table("Orders", partitionKey: .string("pk"))
        let throttled = table.metric(.throttledRequests(.transactWriteItems))
        #expect(throttled.namespace.name == "AWS/DynamoDB")
        #expect(throttled.name == "ThrottledRequests")
        #expect(throttled.dimensions.map(\.name) == ["TableName", "Operation"])
        #expect(throttled.dimensions.map(\.value) == [table.name, "TransactWriteItems"])
        #expect(table.metric(.systemErrors(.getItem)).name == "SystemErrors")
        #expect(table.metric(.consumedReadCapacityUnits).name == "ConsumedReadCapacityUnits")
        #expect(table.metric(.consumedWriteCapacityUnits).dimensions.map(\.name) == ["TableName"])
        #expect(table.metric(.consumedWriteCapacityUnits).statistic == .sum)
    }

    // MARK: Rules

    @Test(arguments: [10, 20, 30, 60, 120, 3_600])
    func periodsCloudWatchTakes(_ period: Int) {
        let result = validate { stack in
            stack.add(Alarm("Custom", metric: Metric(namespace: MetricNamespace("Cruddur"), name: "Sent", statistic: .sum, period: period),
                            threshold: 1, comparison: .lessThanThreshold, evaluationPeriods: 1))
        }
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [0, -60, 1, 15, 45, 90, 61])
    func otherPeriodsAreErrors(_ period: Int) {
        let result = Self.alarm { $0.metric = $0.metric.with(period: period) }
        #expect(result.messages == ["error WorkerErrors Properties.Period: period \(period) s is not one CloudWatch takes: 10, 20, 30 or a multiple of 60"])
    }

    @Test func aSubMinutePeriodOnAnAWSMetricIsAWarning() {
        let result = Self.alarm { $0.metric = $0.metric.with(period: 10) }
        #expect(result.messages == ["warning WorkerErrors Properties.Period: AWS/Lambda publishes Errors once a minute, so a 10-second period mostly finds no data (the alarm lapses into INSUFFICIENT_DATA, at the high-resolution price); use 60 or more"])
    }

    @Test func theEvaluationWindowIsOneDayUnderAnHourlyPeriod() {
        #expect(Self.alarm { $0.evaluationPeriods = 1_440 }.diagnostics.isEmpty)  // 1,440 × 60 s = 86,400 s
        #expect(Self.alarm { $0.evaluationPeriods = 1_441 }.messages == [
            "error WorkerErrors Properties.EvaluationPeriods: 1441 periods of 60 s evaluate 86460 s; CloudWatch allows one day (86,400 s) for a period under an hour",
        ])
        // 59 minutes is still "under an hour": one day.
        #expect(Self.alarm { $0.metric = $0.metric.with(period: 3_540); $0.evaluationPeriods = 25 }.messages == [
            "error WorkerErrors Properties.EvaluationPeriods: 25 periods of 3540 s evaluate 88500 s; CloudWatch allows one day (86,400 s) for a period under an hour",
        ])
    }

    @Test func theEvaluationWindowIsSevenDaysFromAnHourlyPeriod() {
        #expect(Self.alarm { $0.metric = $0.metric.with(period: 3_600); $0.evaluationPeriods = 168 }.diagnostics.isEmpty)
        #expect(Self.alarm { $0.metric = $0.metric.with(period: 3_600); $0.evaluationPeriods = 169 }.messages == [
            "error WorkerErrors Properties.EvaluationPeriods: 169 periods of 3600 s evaluate 608400 s; CloudWatch allows seven days (604,800 s)",
        ])
    }

    @Test func evaluationPeriodsStartAtOne() {
        #expect(Self.alarm { $0.evaluationPeriods = 0 }.messages.first == "error WorkerErrors Properties.EvaluationPeriods: evaluation periods 0 must be at least 1")
    }

    @Test func datapointsToAlarmAreWithinTheEvaluationPeriods() {
        #expect(Self.alarm { $0.datapointsToAlarm = 5 }.diagnostics.isEmpty)
        #expect(Self.alarm { $0.datapointsToAlarm = 1 }.diagnostics.isEmpty)
        #expect(Self.alarm { $0.datapointsToAlarm = 6 }.messages == ["error WorkerErrors Properties.DatapointsToAlarm: datapoints to alarm 6 must be 1 to the evaluation periods (5)"])
        #expect(Self.alarm { $0.datapointsToAlarm = 0 }.messages == ["error WorkerErrors Properties.DatapointsToAlarm: datapoints to alarm 0 must be 1 to the evaluation periods (5)"])
    }

    @Test func aPercentileIsZeroToAHundred() {
        #expect(Self.alarm { $0.metric = $0.metric.with(statistic: .percentile(100.5)) }.messages == [
            "error WorkerErrors Properties.ExtendedStatistic: percentile 100.5 must be 0 to 100",
        ])
        #expect(Self.alarm { $0.metric = $0.metric.with(statistic: .percentile(-1)) }.errors.count == 1)
        #expect(Self.alarm { $0.metric = $0.metric.with(statistic: .percentile(0)) }.diagnostics.isEmpty)
    }

    @Test func overridesAreCheckedByTheSameRules() {
        let result = Self.alarm { alarm in
            alarm.addPropertyOverride("Period", 45)
            alarm.addPropertyOverride("DatapointsToAlarm", 9)
            alarm.addPropertyOverride("AlarmActions", ["arn:aws:sns:us-east-1:111122223333:a", "arn:aws:sns:us-east-1:111122223333:b", "arn:aws:sns:us-east-1:111122223333:c",
                                                       "arn:aws:sns:us-east-1:111122223333:d", "arn:aws:sns:us-east-1:111122223333:e", "arn:aws:sns:us-east-1:111122223333:f"])
        }
        #expect(result.messages.contains("error WorkerErrors Properties.Period: period 45 s is not one CloudWatch takes: 10, 20, 30 or a multiple of 60"))
        #expect(result.messages.contains("error WorkerErrors Properties.DatapointsToAlarm: datapoints to alarm 9 must be 1 to the evaluation periods (5)"))
        #expect(result.messages.contains("error WorkerErrors Properties.AlarmActions: 6 actions; CloudWatch takes at most 5 per state (notify one topic and subscribe the rest to it)"))
    }

    @Test func anInfiniteThresholdIsAnError() {
        #expect(Self.alarm { $0.threshold = .infinity }.messages.contains("error WorkerErrors Properties.Threshold: threshold inf is not a number CloudFormation can take"))
    }

    @Test func aDimensionTwiceIsAnError() {
        let result = validate { stack in
            let metric = Metric(namespace: MetricNamespace("Cruddur"), name: "Sent", dimensions: [MetricDimension("Room", "a"), MetricDimension("Room", "b")], statistic: .sum)
            stack.add(Alarm("Sent", metric: metric, threshold: 1, comparison: .lessThanThreshold, evaluationPeriods: 1))
        }
        #expect(result.messages == ["error Sent Properties.Dimensions: dimension 'Room' is given twice; a metric has one value per dimension"])
    }

    /// Lengths are the catalog's, checked on every resource; the alarm does not repeat them.
    @Test func theCatalogChecksTheDescriptionsLength() {
        let result = Self.alarm { $0.alarmDescription = String(repeating: "x", count: 1_025) }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.path == "Properties.AlarmDescription")
    }

    /// PutMetricAlarm takes at most 5 actions per state; the resource schema does not say so.
    @Test func atMostFiveActionsPerState() {
        let topics = (1...6).map { Value<String>("arn:aws:sns:ca-central-1:111122223333:ops-" + String($0)) }
        #expect(Self.alarm { $0.actions = Array(topics.prefix(5)); $0.okActions = Array(topics.prefix(5)) }.diagnostics.isEmpty)
        #expect(Self.alarm { $0.actions = topics }.messages == [
            "error WorkerErrors Properties.AlarmActions: 6 actions; CloudWatch takes at most 5 per state (notify one topic and subscribe the rest to it)",
        ])
        #expect(Self.alarm { $0.okActions = topics }.errors.first?.path == "Properties.OKActions")
        #expect(Self.alarm { $0.insufficientDataActions = topics }.errors.first?.path == "Properties.InsufficientDataActions")
    }

    @Test func anOverrideIsCheckedByTheCatalog() {
        let result = Self.alarm { $0.addPropertyOverride("TreatMissingData", "sometimes") }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.path == "Properties.TreatMissingData")
    }
}

import CloudFormation

/// A table's stream as an event source: `Type: DynamoDB` in SAM, LATEST or TRIM_HORIZON,
/// filters on the stream record (`StreamFilter`), whose key types come from the table.
extension TableStream: StreamEventSource {
    public var eventSourceArn: Value<String> { arn }
    public var mappingIDStem: String { tableLogicalID }
    public var sourceDescription: String { "the stream of \(tableLogicalID)" }
    public var kindDescription: String { "DynamoDB stream" }
    public var startingPositions: [String] { StartingPosition.allCases.map { $0.rawValue } }
    public var samEvent: SAMEventSource {
        SAMEventSource(type: "DynamoDB", arnProperty: "Stream", managedPolicy: .dynamoDBExecution)
    }

    public func bind(_ mapping: EventSourceMapping) {
        grantRead(mapping.function, origin: .automatic(reason: "to read \(sourceDescription)"))
        table.streamConsumers.append(mapping.logicalID)
    }

    public func pattern(of filter: StreamFilter, number: Int) -> FilterPattern {
        var problems: [String] = []
        if filter.conditions.isEmpty {
            problems.append("filter \(number) has no conditions, so it would match every record; leave it out instead")
        }
        var pattern = JSONValue.object([])
        for condition in filter.conditions {
            let fieldPath: [String]
            switch condition.field {
            case .eventName:
                fieldPath = ["eventName"]
            case .key(let name):
                guard let key = keyAttributes.first(where: { $0.name == name }) else {
                    let keys = keyAttributes.map(\.name).joined(separator: ", ")
                    problems.append("filter on key '\(Diagnostic.abbreviated(name))', which is not a key of table \(tableLogicalID) (\(keys)); stream records carry only the table's keys")
                    continue
                }
                fieldPath = ["dynamodb", "Keys", name, key.type.rawValue]
            case .newImage(let name, let type):
                if viewType != .newImage, viewType != .newAndOldImages {
                    problems.append("filter on the new image of '\(Diagnostic.abbreviated(name))', but the stream of \(tableLogicalID) is \(viewType.rawValue)")
                }
                fieldPath = ["dynamodb", "NewImage", name, type.rawValue]
            case .oldImage(let name, let type):
                if viewType != .oldImage, viewType != .newAndOldImages {
                    problems.append("filter on the old image of '\(Diagnostic.abbreviated(name))', but the stream of \(tableLogicalID) is \(viewType.rawValue)")
                }
                fieldPath = ["dynamodb", "OldImage", name, type.rawValue]
            }
            if condition.matches.isEmpty {
                problems.append("the condition on \(fieldPath.joined(separator: ".")) lists no values, so it matches nothing")
            }
            pattern.insert(condition.matches.map { $0.json }, at: fieldPath[...])
        }
        return FilterPattern(json: pattern.compact, problems: problems)
    }
}

extension SAMManagedPolicy {
    /// AWSLambdaDynamoDBExecutionRole v1, for a DynamoDB event.
    public static let dynamoDBExecution = SAMManagedPolicy(name: "AWSLambdaDynamoDBExecutionRole", actions: logs + [
        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
    ])
}

/// What `infra deploy` and `infra diff --deployed` ask of CloudFormation. `AWSCLIClient`
/// answers through the `aws` CLI; the tests replay recorded responses.
protocol CloudFormationClient {
    /// The stack, or nil when it does not exist.
    func describeStack(_ name: String) throws(CloudFormationError) -> LiveStack?
    /// The stack's template as it was submitted (`--template-stage Original`: a SAM
    /// template before the transform), or nil when the stack does not exist.
    func originalTemplate(_ stack: String) throws(CloudFormationError) -> String?
    /// Creates a change set; the ID of its stack (later calls name the stack by it, so that a
    /// stack of the same name that is deleted meanwhile is never confused with it).
    func createChangeSet(_ request: ChangeSetRequest) throws(CloudFormationError) -> String
    func describeChangeSet(stack: String, name: String) throws(CloudFormationError) -> ChangeSetDescription
    func executeChangeSet(stack: String, name: String) throws(CloudFormationError)
    func deleteChangeSet(stack: String, name: String) throws(CloudFormationError)
    /// Deletes a stack; used only for the empty stack (REVIEW_IN_PROGRESS) that a CREATE
    /// change set made and that is not deployed after all.
    func deleteStack(_ name: String) throws(CloudFormationError)
    /// The stack's most recent events, newest first (at most `limit`).
    func recentEvents(_ stack: String, limit: Int) throws(CloudFormationError) -> [StackEvent]
    /// Waits between polls (the tests do not).
    func pause(seconds: Double)
}

/// A failed call, with what the service or the CLI said (escaped before it is printed).
struct CloudFormationError: Error, CustomStringConvertible, Equatable {
    var operation: String
    var message: String

    var description: String { "\(operation) failed: \(message)" }

    /// CloudFormation's answer for a stack that does not exist.
    var isMissingStack: Bool {
        message.contains("does not exist") && message.contains("ValidationError")
    }
}

struct LiveStack: Equatable {
    var name: String
    var status: String
    var statusReason: String?
    var parameters: [String: String]
    /// (OutputKey, OutputValue), in the order CloudFormation lists them.
    var outputs: [(key: String, value: String)]

    static func == (lhs: LiveStack, rhs: LiveStack) -> Bool {
        lhs.name == rhs.name && lhs.status == rhs.status && lhs.statusReason == rhs.statusReason
            && lhs.parameters == rhs.parameters && lhs.outputs.map(\.key) == rhs.outputs.map(\.key)
            && lhs.outputs.map(\.value) == rhs.outputs.map(\.value)
    }

    /// A stack only a CREATE change set made, never executed: it is created, not updated.
    var isReviewOnly: Bool { status == "REVIEW_IN_PROGRESS" }
}

struct ChangeSetRequest: Equatable {
    enum Kind: String { case create = "CREATE", update = "UPDATE" }

    var stack: String
    var name: String
    var kind: Kind
    var templateBody: String
    /// (ParameterKey, ParameterValue or nil for UsePreviousValue).
    var parameters: [(key: String, value: String?)]
    var capabilities: [String]
    var description: String

    static func == (lhs: ChangeSetRequest, rhs: ChangeSetRequest) -> Bool {
        lhs.stack == rhs.stack && lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.templateBody == rhs.templateBody
            && lhs.parameters.map(\.key) == rhs.parameters.map(\.key) && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
            && lhs.capabilities == rhs.capabilities && lhs.description == rhs.description
    }
}

/// DescribeChangeSet's answer.
struct ChangeSetDescription: Equatable {
    var status: String
    var statusReason: String?
    var executionStatus: String?
    var changes: [ResourceChangeInfo]

    var isPending: Bool { status == "CREATE_PENDING" || status == "CREATE_IN_PROGRESS" }

    /// CloudFormation refuses a change set that changes nothing: that is "no changes", not an error.
    var isEmpty: Bool {
        if status == "FAILED", let reason = statusReason {
            return reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
        }
        return status == "CREATE_COMPLETE" && changes.isEmpty
    }
}

/// One ResourceChange of a change set.
struct ResourceChangeInfo: Equatable {
    struct Detail: Equatable {
        /// `Properties`, `Metadata`, `Tags`, ...
        var attribute: String?
        /// The property name, for Attribute Properties.
        var name: String?
        /// Never, Conditionally, Always.
        var requiresRecreation: String?
        /// Static or Dynamic.
        var evaluation: String?
        /// ResourceReference, ParameterReference, ResourceAttribute, DirectModification, Automatic.
        var changeSource: String?
        var causingEntity: String?
    }

    /// Add, Modify, Remove, Import, Dynamic.
    var action: String
    var logicalID: String
    var physicalID: String?
    var type: String
    /// True, False, Conditional (Modify only).
    var replacement: String?
    var scope: [String]
    var details: [Detail]
}

struct StackEvent: Equatable {
    var id: String
    var logicalID: String
    var type: String
    var status: String
    var reason: String?
    var timestamp: String
}

extension CloudFormationClient {
    /// Every event newer than `marker` (an event ID), oldest first. With no marker, all that
    /// `limit` returns.
    func events(_ stack: String, after marker: String?, limit: Int = 100) throws(CloudFormationError) -> [StackEvent] {
        var newer: [StackEvent] = []
        for event in try recentEvents(stack, limit: limit) {
            if event.id == marker { break }
            newer.append(event)
        }
        return newer.reversed()
    }
}

// MARK: reading the aws CLI's JSON

extension LiveStack {
    init?(json: AWSJSON) {
        guard let stack = json["Stacks"]?.items.first, let name = stack["StackName"]?.text,
              let status = stack["StackStatus"]?.text else { return nil }
        self.name = name
        self.status = status
        statusReason = stack["StackStatusReason"]?.text
        var parameters: [String: String] = [:]
        for parameter in stack["Parameters"]?.items ?? [] {
            if let key = parameter["ParameterKey"]?.text {
                parameters[key] = parameter["ParameterValue"]?.text ?? ""
            }
        }
        self.parameters = parameters
        outputs = (stack["Outputs"]?.items ?? []).compactMap { output in
            guard let key = output["OutputKey"]?.text else { return nil }
            return (key: key, value: output["OutputValue"]?.text ?? "")
        }
    }
}

extension ChangeSetDescription {
    init(json: AWSJSON) {
        status = json["Status"]?.text ?? "UNKNOWN"
        statusReason = json["StatusReason"]?.text
        executionStatus = json["ExecutionStatus"]?.text
        changes = (json["Changes"]?.items ?? []).compactMap { change in
            guard let resource = change["ResourceChange"], let logicalID = resource["LogicalResourceId"]?.text else { return nil }
            return ResourceChangeInfo(
                action: resource["Action"]?.text ?? "?",
                logicalID: logicalID,
                physicalID: resource["PhysicalResourceId"]?.text,
                type: resource["ResourceType"]?.text ?? "?",
                replacement: resource["Replacement"]?.text,
                scope: (resource["Scope"]?.items ?? []).compactMap(\.text),
                details: (resource["Details"]?.items ?? []).map { detail in
                    ResourceChangeInfo.Detail(
                        attribute: detail["Target"]?["Attribute"]?.text,
                        name: detail["Target"]?["Name"]?.text,
                        requiresRecreation: detail["Target"]?["RequiresRecreation"]?.text,
                        evaluation: detail["Evaluation"]?.text,
                        changeSource: detail["ChangeSource"]?.text,
                        causingEntity: detail["CausingEntity"]?.text)
                })
        }
    }
}

extension StackEvent {
    static func list(json: AWSJSON) -> [StackEvent] {
        (json["StackEvents"]?.items ?? []).compactMap { event in
            guard let id = event["EventId"]?.text, let logicalID = event["LogicalResourceId"]?.text else { return nil }
            return StackEvent(id: id, logicalID: logicalID, type: event["ResourceType"]?.text ?? "?",
                              status: event["ResourceStatus"]?.text ?? "?", reason: event["ResourceStatusReason"]?.text,
                              timestamp: event["Timestamp"]?.text ?? "")
        }
    }
}

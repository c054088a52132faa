import Infra

/// The messaging stack split in two, as apps grow: a data stack that owns the table, and a
/// processing stack with the endpoint, the function and its trigger. The processing stack
/// refers to the table through typed values; `infra` turns each reference into an export
/// of `cruddur-data` and an Fn::ImportValue in `cruddur-processing`, and deploys the data
/// stack first. Its templates are in examples/split-stacks/out/.
public let cruddurSplitApp = App("cruddur-split", environments: cruddurEnvironments, defaultEnvironment: "prod") { app in
    let data = app.stack("cruddur-data", description: "Cruddur direct messages: the table and its stream")
    let messages = MessagesTable.add(to: data)
    data.output("TableName", messages.table.name, description: "The messages table")

    let processing = app.stack("cruddur-processing", description: "Cruddur direct messages: the gateway endpoint and the stream processor")
    let processor = StreamProcessor.add(to: processing, messages: messages)
    processing.output("FunctionArn", processor.function.arn, description: "The stream processor")
}

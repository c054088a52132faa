import Infra

/// Direct messages in one stack: the table and its stream (`MessagesTable`), a private path
/// to DynamoDB from the VPC and the stream processor (`StreamProcessor`).
let messagingStack = Stack(
    "cruddur-messaging",
    description: "Cruddur direct messages: the table and its stream, a gateway endpoint to DynamoDB, and the stream processor",
    flavors: [.cloudFormation, .sam]
) { stack in
    let messages = MessagesTable.add(to: stack)
    let processor = StreamProcessor.add(to: stack, messages: messages)

    stack.output("TableName", messages.table.name, description: "The messages table")
    stack.output("TableArn", messages.table.arn, description: "The messages table's ARN")
    stack.output("StreamArn", messages.table.streamArn, description: "The table's stream of NEW_IMAGE records")
    stack.output("FunctionArn", processor.function.arn, description: "The stream processor")
}

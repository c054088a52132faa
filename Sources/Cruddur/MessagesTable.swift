import Infra

/// The messages table as the console notes built it: pk/sk strings, the message-group
/// index, and a stream of NEW_IMAGE records. Capacities come from the environment.
struct MessagesTable {
    let table: Table<WithStream>
    let byGroup: GlobalSecondaryIndex

    static func add(to stack: StackBuilder) -> MessagesTable {
        let env = stack.environment
        let read = env.integer("ReadCapacity", default: 5)
        let write = env.integer("WriteCapacity", default: 5)
        let table = stack.add(Table(
            "Messages",
            tableName: Value("cruddur-messages" + env.nameSuffix),
            partitionKey: .string("pk"),
            sortKey: .string("sk"),
            billing: .provisioned(read: read, write: write),
            stream: .newImage
        ))
        let byGroup = table.globalIndex(
            "message-group-sk-index",
            partitionKey: .string("message_group_uuid"),
            sortKey: .string("sk"),
            projection: .all,
            throughput: Throughput(read: read, write: write)
        )
        return MessagesTable(table: table, byGroup: byGroup)
    }
}

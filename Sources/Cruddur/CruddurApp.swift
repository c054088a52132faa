import Infra

/// Cruddur, the chat app whose direct messages live in DynamoDB, as `infra` deploys it.
///
/// prod is the default environment (its templates are at the top of out/); dev deploys the
/// same definition beside it with `-dev` names and the smallest capacity.
public let cruddurApp = App(
    "cruddur",
    environments: [
        Environment("prod", region: "ca-central-1", settings: ["ReadCapacity": "5", "WriteCapacity": "5"]),
        Environment("dev", region: "ca-central-1", nameSuffix: "-dev", settings: ["ReadCapacity": "1", "WriteCapacity": "1"]),
    ],
    defaultEnvironment: "prod",
    stacks: [messagingStack]
)

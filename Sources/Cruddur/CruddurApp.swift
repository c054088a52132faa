import Infra

/// prod is the default environment (its templates are at the top of out/); dev deploys the
/// same definition beside it with `-dev` names and the smallest capacity. VPC identifiers
/// are account-specific, so they are given at deploy time (see the README).
let cruddurEnvironments = [
    Environment("prod", region: "ca-central-1", settings: ["ReadCapacity": "5", "WriteCapacity": "5"]),
    Environment("dev", region: "ca-central-1", nameSuffix: "-dev", settings: ["ReadCapacity": "1", "WriteCapacity": "1"]),
]

/// Cruddur, the chat app whose direct messages live in DynamoDB, as `infra` deploys it.
public let cruddurApp = App("cruddur", environments: cruddurEnvironments, defaultEnvironment: "prod", stacks: [messagingStack])

import CloudFormation
import AWSResources

/// The input of `aws dynamodb create-table --cli-input-json` for a table of the template:
/// the same keys, attribute definitions, indexes, billing and stream that CloudFormation
/// creates, for DynamoDB Local or any development endpoint.
///
/// It is derived from the synthesized `AWS::DynamoDB::Table` rather than from the typed
/// table, so it is exactly what the template says. Settings that CreateTable does not take
/// (point-in-time recovery, TTL) are left out; the differences in spelling between the
/// CloudFormation resource and the API are mapped here.
enum TableSchema {
    enum Problem: Error, CustomStringConvertible {
        case notATable(String)
        case value(JSONWriter.Problem)

        var description: String {
            switch self {
            case .notATable(let id): "'\(id)' is not an \(TableType.name)"
            case .value(let problem): problem.description
            }
        }
    }

    /// Properties copied as they are: their CloudFormation and API shapes are the same.
    static let sameShape = [
        "TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput",
        "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "TableClass", "Tags",
    ]

    static func json(for resource: TemplateResource) throws(Problem) -> String {
        guard resource.type == TableType.name else { throw .notATable(resource.logicalID) }
        let properties = resource.properties
        var input = Fields()
        for key in sameShape {
            if let value = properties[key] { input[key] = value }
        }
        if case .object(let stream)? = properties["StreamSpecification"], let viewType = stream["StreamViewType"] {
            input["StreamSpecification"] = .object(["StreamEnabled": true, "StreamViewType": viewType])
        }
        if case .object(let sse)? = properties["SSESpecification"] {
            var api = Fields()
            api["Enabled"] = sse["SSEEnabled"]
            api["SSEType"] = sse["SSEType"]
            api["KMSMasterKeyId"] = sse["KMSMasterKeyId"]
            input["SSESpecification"] = .object(api)
        }
        if let protection = properties["DeletionProtectionEnabled"] {
            input["DeletionProtectionEnabled"] = protection
        }
        do {
            return try JSONWriter.write(.object(input)) + "\n"
        } catch {
            throw .value(error)
        }
    }
}

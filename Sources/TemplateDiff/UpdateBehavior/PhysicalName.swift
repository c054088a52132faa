/// The property that gives a resource a fixed physical name. A resource named in the
/// template cannot be replaced under the same name (the replacement is created first,
/// while the old one still holds the name), nor re-added under another logical ID.
enum PhysicalName {
    static let propertyByType: [String: String] = [
        "AWS::DynamoDB::Table": "TableName",
        "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
        "AWS::IAM::Role": "RoleName",
        "AWS::Lambda::Function": "FunctionName",
        "AWS::Logs::LogGroup": "LogGroupName",
        "AWS::Serverless::Function": "FunctionName",
        "AWS::SNS::Topic": "TopicName",
        "AWS::SQS::Queue": "QueueName",
    ]

    /// The resource's fixed name, if the template gives one.
    static func of(_ resource: ParsedResource) -> (property: String, value: TemplateValue)? {
        guard let property = propertyByType[resource.type], let value = resource.properties[property] else {
            return nil
        }
        return (property, value)
    }
}

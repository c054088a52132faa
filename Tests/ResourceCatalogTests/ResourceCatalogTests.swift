import Testing
@testable import ResourceCatalog

@Suite struct ResourceCatalogTests {
    @Test func everyTypeOfThePinnedSchemasIsThere() {
        #expect(ResourceCatalog.typeNames.count == CatalogSource.typeCount)
        #expect(CatalogSource.typeCount > 1_800)
        #expect(ResourceCatalog.type(named: "AWS::S3::Bucket") != nil)
        #expect(ResourceCatalog.type(named: "Custom::Thing") == nil)
        #expect(ResourceCatalog.type(named: "AWS::S3::Bukcet") == nil)
    }

    @Test func aTypeIsDecodedOnceAndFoundByItsName() throws {
        let queue = try #require(ResourceCatalog.type(named: "AWS::SQS::Queue"))
        #expect(queue === ResourceCatalog.type(named: "AWS::SQS::Queue"))
        #expect(ResourceCatalog.propertiesShape(of: queue) === ResourceCatalog.propertiesShape(of: queue))
        #expect(ResourceCatalog.type(named: "AWS::SQS::Queu") == nil)
        #expect(ResourceCatalog.type(named: "AWS::SQS::Queue ") == nil)
    }

    @Test func typeFacts() throws {
        let table = try #require(ResourceCatalog.type(named: "AWS::DynamoDB::Table"))
        #expect(table.physicalNameProperty == "TableName")
        #expect(table.isStateful)
        #expect(!table.supportsSnapshot)
        #expect(table.createOnlyProperties.contains(["TableName"]))
        #expect(table.attribute(named: "StreamArn") != nil)
        #expect(table.attribute(named: "StreamARN") == nil)
        #expect(table.dataNoun == "items")
        #expect(table.documentedBehaviors.contains { $0.path == ["KeySchema"] && $0.impact == .replacement })

        let instance = try #require(ResourceCatalog.type(named: "AWS::RDS::DBInstance"))
        #expect(instance.supportsSnapshot && instance.isStateful)
        #expect(instance.attribute(named: "Endpoint.Address") != nil)

        let bucket = try #require(ResourceCatalog.type(named: "AWS::S3::Bucket"))
        #expect(bucket.physicalNameProperty == "BucketName")
        #expect(bucket.deleteRequiresEmpty)

        let nested = try #require(ResourceCatalog.type(named: "AWS::CloudFormation::Stack"))
        #expect(nested.attribute(named: "Outputs.BucketName") != nil)

        #expect(ResourceCatalog.type(named: "AWS::IAM::Role")?.needsIAMCapability == true)
        #expect(ResourceCatalog.type(named: "AWS::IAM::ManagedPolicy")?.iamNameProperty == "ManagedPolicyName")
        #expect(ResourceCatalog.type(named: "AWS::Lambda::EventSourceMapping")?.physicalNameProperty == nil)
    }

    /// The eight types whose physical names were hand-listed before the catalog.
    @Test func physicalNamesOfTheFormerHandList() {
        let expected = [
            "AWS::DynamoDB::Table": "TableName", "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::IAM::Role": "RoleName",
            "AWS::Lambda::Function": "FunctionName", "AWS::Logs::LogGroup": "LogGroupName", "AWS::SNS::Topic": "TopicName",
            "AWS::SQS::Queue": "QueueName",
        ]
        for (type, property) in expected {
            #expect(ResourceCatalog.type(named: type)?.physicalNameProperty == property, "\(type)")
        }
    }

    @Test func shapes() throws {
        let mapping = try #require(ResourceCatalog.type(named: "AWS::Lambda::EventSourceMapping")).propertiesShape()
        let batchSize = try #require(mapping.property("BatchSize"))
        #expect(batchSize.types == .integer)
        #expect(batchSize.minimum == 1 && batchSize.maximum == 10_000)
        #expect(mapping.required.contains("FunctionName"))
        guard case .forbidden = mapping.additionalProperties else {
            Issue.record("EventSourceMapping properties are closed")
            return
        }
        let position = try #require(mapping.property("StartingPosition"))
        #expect(position.pattern == "(LATEST|TRIM_HORIZON|AT_TIMESTAMP)+")
        #expect(position.maxLength == 12)
    }

    @Test func suggestions() {
        #expect(NameSuggestion.closest(to: "BatchSzie", among: ["BatchSize", "Enabled", "FunctionName"]) == ["BatchSize"])
        #expect(NameSuggestion.closest(to: "Zzzzzzzz", among: ["BatchSize"]).isEmpty)
        #expect(ResourceCatalog.suggestions(for: "AWS::S3::Bukcet").first == "AWS::S3::Bucket")
    }
}

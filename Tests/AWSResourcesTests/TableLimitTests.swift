import AWSResources
import CloudFormation
import Testing

/// Attribute names and projection limits of a table and its indexes.
@Suite struct TableLimitTests {
    @Test func keyAttributeNameIsNotEmpty() {
        let result = synthesize { stack in
            stack.add(Table("T", partitionKey: .string("")))
        }
        #expect(result.messages == ["error T Properties.KeySchema[0].AttributeName: attribute name '' must be 1 to 255 characters"])
    }

    @Test func keyAttributeNameHasAtMost255Characters() {
        let fits = String(repeating: "a", count: 255)
        let long = String(repeating: "b", count: 256)
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string(fits)))
            table.globalIndex("by-b", partitionKey: .string("pk"), sortKey: .string(long))
        }
        #expect(result.messages == ["error T Properties.GlobalSecondaryIndexes[0].KeySchema[1].AttributeName: attribute name '\(String(repeating: "b", count: 60))…(256 characters)' must be 1 to 255 characters"])
    }

    @Test func localIndexKeyNameIsChecked() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.localIndex("by-nothing", sortKey: .number(""))
        }
        #expect(result.messages == ["error T Properties.LocalSecondaryIndexes[0].KeySchema[1].AttributeName: attribute name '' must be 1 to 255 characters"])
    }

    @Test func projectedAttributeNamesAreChecked() {
        let long = String(repeating: "p", count: 256)
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk"), sortKey: .string("sk")))
            table.globalIndex("by-g", partitionKey: .string("g"), projection: .include(["total", ""]))
            table.localIndex("by-l", sortKey: .number("at"), projection: .include([long]))
        }
        #expect(result.messages == [
            "error T Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes[1]: attribute name '' must be 1 to 255 characters",
            "error T Properties.LocalSecondaryIndexes[0].Projection.NonKeyAttributes[0]: attribute name '\(String(repeating: "p", count: 60))…(256 characters)' must be 1 to 255 characters",
        ])
    }

    @Test func timeToLiveAttributeNameIsNotEmpty() {
        let result = synthesize { stack in
            stack.add(Table("T", partitionKey: .string("pk"), timeToLiveAttribute: ""))
        }
        #expect(result.messages == ["error T Properties.TimeToLiveSpecification.AttributeName: the time-to-live attribute name is empty"])
    }

    @Test func indexesProjectAtMost100AttributesTogether() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("first", partitionKey: .string("a"), projection: .include((1...50).map { "first\($0)" }))
            table.globalIndex("second", partitionKey: .string("b"), projection: .include((1...50).map { "second\($0)" }))
            table.globalIndex("third", partitionKey: .string("c"), projection: .include(["one-too-many"]))
        }
        #expect(result.messages == ["error T Properties: the indexes project 101 non-key attributes in all; DynamoDB allows 100"])
    }

    @Test func oneHundredProjectedAttributesFit() {
        let result = synthesize { stack in
            let table = stack.add(Table("T", partitionKey: .string("pk")))
            table.globalIndex("all", partitionKey: .string("a"), projection: .include((1...100).map { "attribute\($0)" }))
        }
        #expect(result.messages.isEmpty)
    }
}

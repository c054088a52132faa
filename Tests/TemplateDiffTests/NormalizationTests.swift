import InfraYAML
import Testing
@testable import TemplateDiff

/// Swift Testing has a `Tag` of its own.
typealias YAMLTag = InfraYAML.Tag

/// Equalities that CloudFormation applies, checked on hand-built nodes.
struct NormalizationTests {
    private func mapping(_ pairs: [(String, Node)], tag: YAMLTag? = nil) -> Node {
        // Test literals have no duplicate keys.
        .mapping((try? Mapping(pairs, tag: tag)) ?? Mapping())
    }

    private func value(_ node: Node) -> TemplateValue { Normalization.value(node) }

    @Test func refShortAndLongFormsAreEqual() {
        #expect(value(.string("Messages", tag: YAMLTag("!Ref"))) == value(mapping([("Ref", .string("Messages"))])))
    }

    @Test func getAttDottedListAndLongFormsAreEqual() {
        let dotted = value(.string("Messages.StreamArn", tag: YAMLTag("!GetAtt")))
        let list = value(.sequence([.string("Messages"), .string("StreamArn")], tag: YAMLTag("!GetAtt")))
        let long = value(mapping([("Fn::GetAtt", .sequence([.string("Messages"), .string("StreamArn")]))]))
        #expect(dotted == list)
        #expect(dotted == long)
        #expect(dotted.compact == "!GetAtt Messages.StreamArn")
    }

    @Test func getAttSplitsAtTheFirstDotOnly() {
        let dotted = value(.string("Database.Endpoint.Address", tag: YAMLTag("!GetAtt")))
        #expect(dotted == .intrinsic(name: "Fn::GetAtt", argument: .list([.scalar("Database"), .scalar("Endpoint.Address")])))
    }

    @Test func subAndConditionForms() {
        #expect(value(.string("${AWS::Region}", tag: YAMLTag("!Sub"))) == value(mapping([("Fn::Sub", .string("${AWS::Region}"))])))
        #expect(value(.string("IsProd", tag: YAMLTag("!Condition"))) == value(mapping([("Condition", .string("IsProd"))])))
        let withoutVariables = value(mapping([("Fn::Sub", .sequence([.string("${AWS::Region}"), mapping([])]))]))
        #expect(withoutVariables == value(.string("${AWS::Region}", tag: YAMLTag("!Sub"))))
    }

    @Test func conditionKeyWithAMappingIsData() {
        let statementCondition = mapping([("Condition", mapping([("Bool", mapping([("aws:SecureTransport", .boolean(false))]))]))])
        guard case .map = value(statementCondition) else {
            Issue.record("a Condition key holding a mapping is not an intrinsic")
            return
        }
    }

    @Test func quotedAndPlainNumbersAreEqual() {
        #expect(value(.string("1")) == value(.integer(1)))
        #expect(value(.scalar(Scalar("+1", kind: .number))) == value(.integer(1)))
        #expect(value(.scalar(Scalar("True", kind: .boolean))) == value(.string("true")))
    }

    @Test func mappingKeyOrderDoesNotMatter() {
        let a = mapping([("ReadCapacityUnits", .integer(5)), ("WriteCapacityUnits", .integer(5))])
        let b = mapping([("WriteCapacityUnits", .string("5")), ("ReadCapacityUnits", .integer(5))])
        #expect(value(a) == value(b))
    }

    @Test func listOrderMatters() {
        #expect(value(.sequence([.string("a"), .string("b")])) != value(.sequence([.string("b"), .string("a")])))
    }

    @Test func compactRenderingQuotesWhatTheEmitterQuotesAndEscapesControls() {
        #expect(TemplateValue.scalar("0777").compact == "'0777'")
        #expect(TemplateValue.scalar("12:30").compact == "'12:30'")
        #expect(TemplateValue.scalar("a\u{1B}[31m\tb").compact == "\"a\\u001b[31m\\tb\"")
        #expect(CompactValue.doubleQuoted("a\u{1B}b") == "\"a\\u001bb\"")
    }

    @Test func compactRenderingQuotesWhatAReaderWouldMisread() {
        #expect(TemplateValue.scalar("2012-10-17").compact == "'2012-10-17'")
        #expect(TemplateValue.scalar("1").compact == "1")
        #expect(TemplateValue.scalar("*").compact == "'*'")
        #expect(TemplateValue.scalar("yes").compact == "'yes'")
        #expect(TemplateValue.scalar("").compact == "''")
        #expect(TemplateValue.scalar("arn:aws:iam::aws:policy/x").compact == "arn:aws:iam::aws:policy/x")
        #expect(TemplateValue.scalar("it's: here").compact == "'it''s: here'")
        let sub = TemplateValue.intrinsic(name: "Fn::Sub", argument: .scalar("${Messages.Arn}/index/*"))
        #expect(sub.compact == "!Sub '${Messages.Arn}/index/*'")
        let join = TemplateValue.intrinsic(name: "Fn::Join", argument: .list([.scalar(""), .list([.scalar("a"), .intrinsic(name: "Ref", argument: .scalar("B"))])]))
        #expect(join.compact == "!Join ['', [a, !Ref B]]")
    }

    @Test func templateDocumentSeparatesResourcesAndAttributes() throws {
        let root = mapping([
            ("Resources", mapping([
                ("Messages", mapping([
                    ("Type", Node.string("AWS::DynamoDB::Table")),
                    ("DeletionPolicy", Node.string("Retain")),
                    ("Properties", mapping([("TableName", Node.string("cruddur-messages"))])),
                ])),
            ])),
        ])
        let document = try TemplateDocument(root)
        let table = try #require(document.resources["Messages"])
        #expect(table.type == "AWS::DynamoDB::Table")
        #expect(table.deletionPolicy == "Retain")
        #expect(table.properties["TableName"] == TemplateValue.scalar("cruddur-messages"))
    }

    @Test func aResourceWithoutTypeIsAnError() {
        let root = mapping([("Resources", mapping([("Broken", mapping([("Properties", mapping([]))]))]))])
        #expect(throws: TemplateDiffError.invalidTemplate("resource Broken has no Type")) {
            try TemplateDocument(root)
        }
    }
}

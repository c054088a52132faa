import AWSResources
import CloudFormation
import Testing

/// Tag limits AWS applies to every taggable resource: 50 tags, keys of 1 to 128 characters,
/// values up to 256.
@Suite struct TagTests {
    static func tags(_ count: Int) -> ResourceTags {
        ResourceTags((1...count).map { (key: "tag\($0)", value: "v") })
    }

    @Test func fiftyTagsFit() {
        let result = synthesize { stack in
            stack.add(Queue("Failures", tags: Self.tags(50)))
        }
        #expect(result.messages.isEmpty)
    }

    @Test func moreThanFiftyTagsIsAnError() {
        let result = synthesize { stack in
            stack.add(Queue("Failures", tags: Self.tags(51)))
            stack.add(Role("Worker", assumedBy: .lambda, tags: Self.tags(51)))
        }
        #expect(result.messages == [
            "error Failures Properties.Tags: the resource has 51 tags; AWS allows 50",
            "error Worker Properties.Tags: the resource has 51 tags; AWS allows 50",
        ])
    }

    @Test func tagKeyHas1To128Characters() {
        let long = String(repeating: "k", count: 129)
        let result = synthesize { stack in
            stack.add(Topic("Alerts", tags: ResourceTags([(key: "", value: "a"), (key: long, value: "b"), (key: String(repeating: "k", count: 128), value: "c")])))
        }
        #expect(result.messages == [
            "error Alerts Properties.Tags[0].Key: a tag key has 1 to 128 characters; '' has 0",
            "error Alerts Properties.Tags[1].Key: a tag key has 1 to 128 characters; '\(String(repeating: "k", count: 60))…(129 characters)' has 129",
        ])
    }

    @Test func tagValueHasAtMost256Characters() {
        let result = synthesize { stack in
            stack.add(LogGroup("Audit", tags: ["fits": Value(String(repeating: "v", count: 256)), "team": Value(String(repeating: "v", count: 257))]))
        }
        #expect(result.messages == ["error Audit Properties.Tags[1].Value: a tag value has at most 256 characters; the value of 'team' has 257"])
    }

    @Test func tagValueResolvedAtDeployIsNotChecked() {
        let result = synthesize { stack in
            stack.add(LogGroup("Audit", tags: ["stack": AWS.stackName]))
        }
        #expect(result.messages.isEmpty)
    }

    /// Tags are checked as each resource deploys them (its L1 type's `Tags`, decoded after
    /// overrides), for every resource that renders through an L1 type.
    @Test func tagsFromOverridesAreCheckedOnEveryResource() {
        let result = synthesize { stack in
            stack.add(Queue("Q")).addPropertyOverride("Tags", [["Key": "aws:q", "Value": "1"]])
            stack.add(Topic("T")).addPropertyOverride("Tags", [["Key": "team", "Value": "a"], ["Key": "team", "Value": "b"]])
            stack.add(LogGroup("L")).addPropertyOverride("Tags", [["Key": "", "Value": "x"]])
            stack.add(Role("R", assumedBy: .lambda)).addPropertyOverride("Tags", [["Key": "k", "Value": .string(String(repeating: "v", count: 257))]])
            stack.add(Bucket("B")).addPropertyOverride("Tags", [["Key": "aws:b", "Value": "1"]])
        }
        #expect(result.messages == [
            "error Q Properties.Tags[0].Key: tag keys starting with 'aws:' are reserved for AWS",
            "error T Properties.Tags[1].Key: tag 'team' is given twice",
            "error L Properties.Tags[0].Key: a tag key has 1 to 128 characters; '' has 0",
            "error R Properties.Tags[0].Value: a tag value has at most 256 characters; the value of 'k' has 257",
            "error B Properties.Tags[0].Key: tag keys starting with 'aws:' are reserved for AWS",
        ])
    }
}

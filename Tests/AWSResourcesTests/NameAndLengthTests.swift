import AWSResources
import CloudFormation
import Testing

/// The names and free texts of queues, topics and roles: length and characters as AWS
/// accepts them, reported at synthesis rather than at deploy.
@Suite struct NameAndLengthTests {
    static let fifoSuffix = ", with an optional .fifo suffix"

    @Test func queueNameCharactersAreChecked() {
        let result = synthesize { stack in
            stack.add(Queue("Failures", queueName: "stream failures"))
        }
        #expect(result.messages == ["error Failures Properties.QueueName: queue name 'stream failures' must be 1 to 80 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)"])
    }

    @Test func queueNameLengthCountsTheFifoSuffix() {
        let stem = String(repeating: "q", count: 76)
        let result = synthesize { stack in
            stack.add(Queue("Fits", queueName: Value(String(stem.dropLast()) + ".fifo")))
            stack.add(Queue("TooLong", queueName: Value(stem + ".fifo")))
        }
        #expect(result.messages == ["error TooLong Properties.QueueName: queue name '\(String(repeating: "q", count: 60))…(81 characters)' must be 1 to 80 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)"])
    }

    @Test func fifoSuffixAloneOrTwiceIsNotAQueueName() {
        let result = synthesize { stack in
            stack.add(Queue("Bare", queueName: ".fifo"))
            stack.add(Queue("Twice", queueName: "jobs.fifo.fifo"))
        }
        #expect(result.messages == [
            "error Bare Properties.QueueName: queue name '.fifo' must be 1 to 80 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)",
            "error Twice Properties.QueueName: queue name 'jobs.fifo.fifo' must be 1 to 80 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)",
        ])
    }

    @Test func queueNameResolvedAtDeployIsNotChecked() {
        let result = synthesize { stack in
            stack.add(Queue("Failures", queueName: "\(AWS.stackName)-failures"))
        }
        #expect(result.messages.isEmpty)
    }

    @Test func topicNameIsChecked() {
        let long = String(repeating: "t", count: 257)
        let result = synthesize { stack in
            stack.add(Topic("Fifo", topicName: "alerts.fifo"))
            stack.add(Topic("Bad", topicName: "alerts!"))
            stack.add(Topic("Long", topicName: Value(long)))
        }
        #expect(result.messages == [
            "error Bad Properties.TopicName: topic name 'alerts!' must be 1 to 256 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)",
            "error Long Properties.TopicName: topic name '\(String(repeating: "t", count: 60))…(257 characters)' must be 1 to 256 characters of [A-Za-z0-9_-]\(Self.fifoSuffix)",
        ])
    }

    @Test func topicDisplayNameHasAtMost100Characters() {
        let result = synthesize { stack in
            stack.add(Topic("Fits", displayName: String(repeating: "d", count: 100)))
            stack.add(Topic("Alerts", displayName: String(repeating: "d", count: 101)))
        }
        #expect(result.messages == ["error Alerts Properties.DisplayName: the display name has 101 characters; the limit is 100"])
    }

    @Test func roleNameIsChecked() {
        let long = String(repeating: "r", count: 65)
        let result = validate { stack in
            stack.add(Role("Fits", assumedBy: .lambda, roleName: "app+role=1,a.b@c_d-e"))
            stack.add(Role("Bad", assumedBy: .lambda, roleName: "app/role"))
            stack.add(Role("Long", assumedBy: .lambda, roleName: Value(long)))
        }
        #expect(result.messages == [
            #"error Bad Properties.RoleName: 'app/role' does not match the pattern ^[\w+=,.@-]+$"#,
            "error Long Properties.RoleName: '\(long)' is 65 characters long; at most 64 are allowed",
        ])
    }

    @Test func rolePathStartsAndEndsWithASlash() {
        let long = "/" + String(repeating: "p", count: 511) + "/"
        let result = validate { stack in
            stack.add(Role("Root", assumedBy: .lambda)).path = "/"
            stack.add(Role("Longest", assumedBy: .lambda)).path = "/" + String(repeating: "p", count: 510) + "/"
            stack.add(Role("Nested", assumedBy: .lambda)).path = "/service/app/"
            stack.add(Role("Relative", assumedBy: .lambda)).path = "service/"
            stack.add(Role("Open", assumedBy: .lambda)).path = "/service"
            stack.add(Role("Long", assumedBy: .lambda)).path = long
        }
        #expect(result.messages == [
            // The schema's pattern (^(/)|(/…/)$) accepts '/service'; the role's own rule does not.
            "error Relative Properties.Path: role path 'service/' must start and end with '/'",
            "error Open Properties.Path: role path '/service' must start and end with '/'",
            "error Long Properties.Path: '/\(String(repeating: "p", count: 59))…(513 characters)' is 513 characters long; at most 512 are allowed",
        ])
    }

    /// The rule reads the role as it deploys (decoded as `CfnRole`), so a path set or
    /// replaced by an override is checked, and a typed path an override fixes is not reported.
    @Test func rolePathFromAnOverrideIsChecked() {
        let result = validate { stack in
            stack.add(Role("Set", assumedBy: .lambda)).addPropertyOverride("Path", "service/")
            let fixed = stack.add(Role("Fixed", assumedBy: .lambda))
            fixed.path = "/service"
            fixed.addPropertyOverride("Path", "/service/")
        }
        #expect(result.messages == ["error Set Properties.Path: role path 'service/' must start and end with '/'"])
    }

    @Test func roleDescriptionHasAtMost1000Characters() {
        let result = validate { stack in
            stack.add(Role("Fits", assumedBy: .lambda, description: String(repeating: "d", count: 1000)))
            stack.add(Role("Worker", assumedBy: .lambda, description: String(repeating: "d", count: 1001)))
        }
        #expect(result.messages == ["error Worker Properties.Description: 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd…(1,001 characters)' is 1001 characters long; at most 1000 are allowed"])
    }
}

import AWSKinesis
import AWSResources
import CloudFormation
import Testing

/// An S3 bucket as a stream mapping's on-failure destination: one conformance, no switch.
@Suite struct BucketDestinationTests {
    static func trigger(_ flavor: Flavor, encryption: BucketEncryption = .s3Managed) -> Synthesized {
        validate(flavor) { stack in
            let stream = stack.add(CfnStream("Clicks", shardCount: 1))
            let archive = stack.add(Bucket("FailedClicks", encryption: encryption))
            let function = stack.add(Function("Consumer", runtime: .python3_13, handler: "app.handler", code: .s3(bucket: "artifacts", key: "k")))
            stack.add(function.trigger(on: stream, startingPosition: .latest, onFailure: .bucket(archive), alarms: .none))
        }
    }

    @Test func failedBatchesArePutInTheBucketWithItsWriteAndListGrant() {
        let result = Self.trigger(.cloudFormation)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.properties("ConsumerClicksEvents")["DestinationConfig"] == ["OnFailure": ["Destination": .getAtt("FailedClicks", "Arn")]])
        let statements = result.properties("ConsumerRole")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items ?? []
        #expect(statements.contains(["Sid": "PutFailedRecordsInFailedClicks", "Effect": "Allow", "Action": "s3:PutObject", "Resource": Fn.join("/", [Value<String>(unchecked: .getAtt("FailedClicks", "Arn")), "*"]).raw]))
        #expect(statements.contains(["Sid": "ListFailedRecordsInFailedClicks", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": .getAtt("FailedClicks", "Arn")]))
    }

    @Test func aCustomerKeyAddsTheKeyActionsThroughS3Only() {
        let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let result = Self.trigger(.cloudFormation, encryption: .kms(keyARN: Value(key)))
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        let statements = result.properties("ConsumerRole")["Policies"]?.items?.first?.fields?["PolicyDocument"]?.fields?["Statement"]?.items ?? []
        #expect(statements.contains { $0.fields?["Sid"] == "EncryptFailedRecordsInFailedClicks" && $0.fields?["Resource"] == .string(key) })
    }

    @Test func inSAMFlavorTheDestinationIsTypeS3AndSAMGrantsTheDelivery() {
        let result = Self.trigger(.sam)
        #expect(result.diagnostics.isEmpty, "\(result.messages)")
        #expect(result.events(of: "Consumer")["ClicksEvents"]?.fields?["Properties"]?.fields?["DestinationConfig"]
                == ["OnFailure": ["Destination": .getAtt("FailedClicks", "Arn"), "Type": "S3"]])
    }
}

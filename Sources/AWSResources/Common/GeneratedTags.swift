import AWSDynamoDB
import AWSIAM
import AWSLogs
import AWSS3
import AWSSNS
import AWSSQS

// The generated `Tag` structs of the L1 types the hand-written resources render as: each has
// `Key` and `Value`, so `ResourceTags` builds and checks them all one way.
extension CfnTable.Tag: TagPair {}
extension CfnRole.Tag: TagPair {}
extension CfnLogGroup.Tag: TagPair {}
extension CfnQueue.Tag: TagPair {}
extension CfnTopic.Tag: TagPair {}
extension CfnBucket.Tag: TagPair {}

/// The names the serverless transform (SAM) reads. A stack rendered in SAM flavor declares
/// the transform; CloudFormation expands it at deploy time with aws-sam-translator.
enum ServerlessTransform {
    static let name = "AWS::Serverless-2016-10-31"
    static let functionType = "AWS::Serverless::Function"
}

/// The names the serverless transform (SAM) reads. The synthesizer declares the transform
/// (`Flavor.serverlessTransform`) on every SAM-flavored template; CloudFormation expands it
/// at deploy time with aws-sam-translator.
enum ServerlessTransform {
    static let functionType = "AWS::Serverless::Function"
}

import AWSLambda
import CloudFormation

/// Tags as a SAM function takes them: a map of key to value rather than CloudFormation's
/// `[{Key, Value}]` list. SAM adds `lambda:createdBy: SAM` to the function and its role.
enum ServerlessTags {
    /// nil when a tag's key is not a literal.
    static func map(_ tags: [CfnFunction.Tag]) -> TemplateValue? {
        var map = Fields()
        for tag in tags {
            guard let key = tag.key.literal, let value = tag.value else { return nil }
            map[key] = value.raw
        }
        return .object(map)
    }
}

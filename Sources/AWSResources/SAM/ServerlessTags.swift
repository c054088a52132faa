import CloudFormation

/// Tags as a SAM function takes them: a map of key to value rather than CloudFormation's
/// `[{Key, Value}]` list. SAM adds `lambda:createdBy: SAM` to the function and its role.
enum ServerlessTags {
    /// nil when an entry is not a `{Key, Value}` pair with a literal key.
    static func map(_ tags: TemplateValue) -> TemplateValue? {
        guard let items = tags.listItems else { return nil }
        var map = Fields()
        for tag in items {
            guard let fields = tag.objectFields, fields.count == 2,
                  let key = fields["Key"]?.literalString, let value = fields["Value"] else { return nil }
            map[key] = value
        }
        return .object(map)
    }
}

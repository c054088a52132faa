/// Retention as CloudFormation applies it.
enum Retention {
    /// Whether a removed resource survives under its (old) DeletionPolicy.
    static func keptOnDelete(_ resource: ParsedResource) -> Bool {
        switch resource.deletionPolicy {
        case "Retain", "RetainExceptOnCreate": true
        case "Snapshot": ResourceSchema.named(resource.type)?.supportsSnapshot == true
        default: false
        }
    }

    /// Whether the old physical resource survives a replacement, under the new UpdateReplacePolicy.
    static func keptOnReplace(_ resource: ParsedResource) -> Bool {
        switch resource.updateReplacePolicy {
        case "Retain": true
        case "Snapshot": ResourceSchema.named(resource.type)?.supportsSnapshot == true
        default: false
        }
    }

    static func isStateful(_ type: String) -> Bool {
        ResourceSchema.named(type)?.isStateful == true
    }

    /// What is lost with a stateful resource, for messages.
    static func data(of type: String) -> String {
        ResourceSchema.named(type)?.dataNoun ?? "data"
    }
}

/// Local code (a folder or a zip that `aws cloudformation package` uploads) is recorded in
/// the template by its content hash, `Metadata.infra.codeHash`: the path stays the same when
/// the code changes, so the hash is the only line that moves. Metadata alone updates nothing,
/// but the packaged template then names a new zip, and CloudFormation updates the function's
/// code in place: said here, so that a reviewer sees "code changed" for that function.
enum CodeHashRule {
    static let path = PropertyPath([.key("Metadata"), .key("infra"), .key("codeHash")])

    static func findings(in context: RuleContext) -> [Finding] {
        context.changes(.modified).compactMap { change in
            guard let hash = change.changes.first(where: { $0.path.isPrefix(of: path) }) else { return nil }
            let old = hash.old.flatMap { self.hash(in: $0, at: hash.path) }
            let new = hash.new.flatMap { self.hash(in: $0, at: hash.path) }
            guard old != new else { return nil }
            return Finding(.note, change.logicalID,
                "code changed (\(short(old)) → \(short(new))): the package step uploads a new zip and CloudFormation updates the function's code in place.")
        }
    }

    /// The hash inside a changed value, which may be the hash itself or a map that holds it.
    static func hash(in value: TemplateValue, at changePath: PropertyPath) -> String? {
        var current: TemplateValue? = value
        for component in path.components.dropFirst(changePath.components.count) {
            guard case .key(let key) = component else { return nil }
            current = current?.mapValue?[key]
        }
        return current?.scalarText
    }

    /// `sha256:4fec12cd0efc` (12 hex digits are plenty to tell versions apart), or "none".
    private static func short(_ hash: String?) -> String {
        guard let hash else { return "none" }
        let prefix = "sha256:"
        guard hash.hasPrefix(prefix) else { return hash }
        return prefix + hash.dropFirst(prefix.count).prefix(12)
    }
}

extension PropertyPath {
    /// Whether this path is `other` or a path above it.
    func isPrefix(of other: PropertyPath) -> Bool {
        components.count <= other.components.count && zip(components, other.components).allSatisfy { $0 == $1 }
    }
}

/// Nested stacks in a diff. `infra synth` writes a stack nested in `app` as
/// `app.<LogicalID>.yaml` (deeper ones `app.<A>.<B>.yaml`; a SAM flavor ends in `.sam`).
/// Stack names have no dots, so a dot in a template's name is a level of nesting: the report
/// names the child `app/A/B`, sorted right after its parent, so changes inside a child read
/// under the parent they deploy with.
///
/// A resource that leaves one template of a tree for another (from the parent into a child,
/// or back) is, to CloudFormation, a deletion in one stack and a creation in the other: a new
/// physical resource, and for a stateful one the loss of its data unless it is retained.
enum NestedStacks {
    /// `app.Queues.Extra` -> `app/Queues/Extra`; `app.Queues.sam` -> `app/Queues.sam`.
    static func displayName(_ name: String) -> String {
        let (stem, suffix) = split(name)
        return stem.replacing(".", with: "/") + suffix
    }

    /// The template's stem and flavor suffix (`.sam` or "").
    private static func split(_ name: String) -> (stem: String, suffix: String) {
        name.hasSuffix(".sam") ? (String(name.dropLast(4)), ".sam") : (name, "")
    }

    /// The top-level stack and flavor a template belongs to: `app.Queues.sam` -> `app.sam`.
    static func tree(of name: String) -> String {
        let (stem, suffix) = split(name)
        return String(stem.prefix { $0 != "." }) + suffix
    }

    struct Side {
        let stack: String
        let logicalID: String
        let resource: ParsedResource
    }

    /// The diffs with a finding for each resource that moved between templates of one tree.
    static func withMoves(_ diffs: [StackDiff], documents: [String: (old: TemplateDocument?, new: TemplateDocument?)], names: [String: String]) -> [StackDiff] {
        var extra: [String: [Finding]] = [:]
        let trees = Dictionary(grouping: diffs.map(\.stack)) { tree(of: names[$0] ?? $0) }
        for (_, members) in trees where members.count > 1 {
            var removed: [Side] = []
            var added: [Side] = []
            for diff in diffs where members.contains(diff.stack) {
                let documents = documents[diff.stack]
                for change in diff.resources {
                    if change.kind == .removed, let resource = documents?.old?.resources[change.logicalID] {
                        removed.append(Side(stack: diff.stack, logicalID: change.logicalID, resource: resource))
                    } else if change.kind == .added, let resource = documents?.new?.resources[change.logicalID] {
                        added.append(Side(stack: diff.stack, logicalID: change.logicalID, resource: resource))
                    }
                }
            }
            for destination in added {
                guard let source = removed.first(where: { isSame($0, destination) }) else { continue }
                extra[destination.stack, default: []] += findings(from: source, to: destination)
            }
        }
        guard !extra.isEmpty else { return diffs }
        return diffs.map { diff in
            guard let more = extra[diff.stack] else { return diff }
            let findings = (diff.findings + more).sorted { ($0.kind, $0.logicalID, $0.message) < ($1.kind, $1.logicalID, $1.message) }
            return StackDiff(stack: diff.stack, status: diff.status, entries: diff.entries, resources: diff.resources, findings: findings)
        }
    }

    /// The same resource in another template: the same type, and the same logical ID or the same fixed name.
    private static func isSame(_ old: Side, _ new: Side) -> Bool {
        guard old.stack != new.stack, old.resource.type == new.resource.type else { return false }
        if old.logicalID == new.logicalID { return true }
        if let name = PhysicalName.of(new.resource), PhysicalName.of(old.resource)?.value == name.value { return true }
        return false
    }

    private static func findings(from source: Side, to destination: Side) -> [Finding] {
        let type = destination.resource.type
        let moved = "moved from \(source.stack) to \(destination.stack): CloudFormation does not move resources between stacks; it creates a new \(type) in \(destination.stack) and deletes \(source.logicalID) from \(source.stack)"
        var findings: [Finding] = []
        if Retention.isStateful(type) {
            let data = Retention.data(of: type)
            if Retention.keptOnDelete(source.resource) {
                findings.append(Finding(.replacement, destination.logicalID,
                    moved + ". The old one is kept (DeletionPolicy: \(source.resource.deletionPolicy ?? "")), unmanaged, with its \(data); the new one starts without them."))
            } else {
                findings.append(Finding(.dataLoss, destination.logicalID,
                    moved + " with its \(data): a replacement that loses them. Keep it where it is, or set DeletionPolicy: Retain on it first and import it into the new stack."))
            }
        } else {
            findings.append(Finding(.replacement, destination.logicalID, moved + ": a replacement (a new physical resource, a new ARN)."))
        }
        if let name = PhysicalName.of(destination.resource), PhysicalName.of(source.resource)?.value == name.value {
            findings.append(Finding(.willFail, destination.logicalID,
                "its \(name.property) \(name.value.compact) is still held by \(source.logicalID) in \(source.stack): the new one is created before the old one is deleted. Change the name, or keep the resource where it is."))
        }
        return findings
    }
}

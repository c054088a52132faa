import JSONText

/// JSON for machines. Keys come in a fixed order and values in template order, so the
/// same templates always give the same bytes.
struct JSONRenderer {
    func render(_ report: DiffReport) -> String {
        let document: JSONValue = .object([
            ("hasChanges", .bool(report.hasChanges)),
            ("stacks", .array(report.stacks.map(stack))),
        ])
        return document.serialized() + "\n"
    }

    private func stack(_ diff: StackDiff) -> JSONValue {
        .object([
            ("stack", .string(diff.stack)),
            ("status", .string(diff.status.rawValue)),
            ("entries", .array(diff.entries.map(entry))),
            ("resources", .array(diff.resources.map(resource))),
            ("findings", .array(diff.findings.map(finding))),
        ])
    }

    private func entry(_ entry: EntryChange) -> JSONValue {
        .object([
            ("section", .string(entry.section)),
            ("name", .string(entry.name)),
            ("change", .string(entry.kind.rawValue)),
            ("changes", .array(entry.changes.map { change in .object(changeFields(change)) })),
        ])
    }

    private func resource(_ resource: ResourceChange) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("logicalId", .string(resource.logicalID)),
            ("type", .string(resource.type)),
        ]
        if let oldType = resource.oldType { fields.append(("oldType", .string(oldType))) }
        fields.append(("change", .string(resource.kind.rawValue)))
        fields.append(("impact", resource.impact.map { .string($0.identifier) } ?? .null))
        fields.append(("changes", .array(resource.changes.map { property in
            .object(changeFields(property.change) + [
                ("impact", .string(property.impact.identifier)),
                ("reason", property.reason.map(JSONValue.string) ?? .null),
            ])
        })))
        return .object(fields)
    }

    private func changeFields(_ change: ValueChange) -> [(String, JSONValue)] {
        [
            ("path", .string(change.path.description)),
            ("change", .string(change.kind.rawValue)),
            ("old", change.old.map(value) ?? .null),
            ("new", change.new.map(value) ?? .null),
        ]
    }

    private func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("kind", .string(finding.kind.identifier)),
            ("logicalId", .string(finding.logicalID)),
            ("needsApproval", .bool(finding.kind.needsApproval)),
            ("message", .string(finding.message)),
        ])
    }

    /// Template values in CloudFormation's JSON form: long-form intrinsics; numbers and
    /// booleans as such (CloudFormation reads `1` and `"1"` alike).
    private func value(_ value: TemplateValue) -> JSONValue {
        switch value {
        case .scalar(let text):
            if text == "true" || text == "false" { return .bool(text == "true") }
            return CompactValue.looksLikeNumber(text) ? .number(text) : .string(text)
        case .list(let items):
            return .array(items.map(self.value))
        case .map(let map):
            return .object(map.entries.map { ($0.key, self.value($0.value)) })
        case .intrinsic(let name, let argument):
            return .object([(name, self.value(argument))])
        }
    }
}

/// A JSON document with ordered object keys, written with two-space indentation.
enum JSONValue {
    case null
    case bool(Bool)
    /// Already in JSON number syntax.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func serialized(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields):
            guard !fields.isEmpty else { return "{}" }
            return "{\n" + fields.map { inner + Self.quoted($0.0) + ": " + $0.1.serialized(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal: JSONText's escapes, and `\u` escapes as well for what it leaves
    /// raw but a terminal or a viewer acts on (DEL, C1 controls, bidirectional controls).
    static func quoted(_ text: String) -> String {
        let literal = JSONText.quoted(text)
        guard literal.unicodeScalars.contains(where: Display.isUnsafe) else { return literal }
        var result = ""
        for scalar in literal.unicodeScalars {
            if Display.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

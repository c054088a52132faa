import CloudFormation

/// SAM's `Globals.Function`, used where it shortens the template.
///
/// A setting moves to Globals only when every SAM function of the template has it with the
/// same value: SAM merges a global into each function (a function's own scalar wins, maps
/// merge, lists concatenate), so a global that some function lacks or overrides would change
/// that function. The shared settings move together, and only when that saves lines: with
/// `n` functions a shared setting of `k` lines saves `(n - 1) * k`, and the `Globals:` and
/// `Function:` headers cost two. With one function nothing is saved, so a single-function
/// template keeps every setting on the function, where it is read.
///
/// It needs every function of the template, which no function sees while it synthesizes, so
/// it runs on the synthesized template, after the last resource (`afterAllResources`).
package enum FunctionGlobals {
    /// The settings that may move: those shared functions commonly agree on.
    package static let candidates = ["Runtime", "Architectures", "MemorySize", "Timeout", "VpcConfig"]

    /// Moves the shared settings of the template's SAM functions into `globals["Function"]`
    /// when that shortens the template; leaves both unchanged otherwise.
    package static func hoist(_ resources: inout [TemplateResource], into globals: inout Fields) {
        let functions = resources.indices.filter { resources[$0].type == ServerlessTransform.functionType }
        guard functions.count > 1, let first = functions.first else { return }
        var existing = globals["Function"]?.objectFields ?? Fields()
        let shared = candidates.compactMap { key -> (key: String, value: TemplateValue)? in
            guard existing[key] == nil, let value = resources[first].properties[key],
                  functions.allSatisfy({ resources[$0].properties[key] == value }) else { return nil }
            return (key, value)
        }
        let saved = shared.reduce(0) { $0 + (functions.count - 1) * BlockLines.count(of: $1.value) }
        let headers = (globals.isEmpty ? 1 : 0) + (globals["Function"] == nil ? 1 : 0)
        guard saved > headers else { return }
        for (key, value) in shared {
            existing[key] = value
            for index in functions { resources[index].properties[key] = nil }
        }
        globals["Function"] = .object(existing)
    }
}

/// About the lines a value takes under its key in block-style YAML: a scalar or a short
/// intrinsic on the key's line, a literal block one line per text line, a collection one
/// line per entry (the first entry of a collection in a list shares the dash's line).
enum BlockLines {
    static func count(of value: TemplateValue) -> Int {
        switch value {
        case .string(let text) where text.contains("\n"):
            return 1 + text.split(separator: "\n", omittingEmptySubsequences: true).count
        case .list(let items) where !items.isEmpty:
            return 1 + items.reduce(0) { $0 + linesAsItem($1) }
        case .object(let fields) where !fields.isEmpty:
            return 1 + fields.entries.reduce(0) { $0 + count(of: $1.value) }
        default:
            return 1
        }
    }

    private static func linesAsItem(_ value: TemplateValue) -> Int {
        switch value {
        case .list(let items) where !items.isEmpty:
            return items.reduce(0) { $0 + linesAsItem($1) }
        case .object(let fields) where !fields.isEmpty:
            return fields.entries.reduce(0) { $0 + count(of: $1.value) }
        default:
            return count(of: value)
        }
    }
}

import AWSLambda
import CloudFormation

/// The checks on a function that the catalog's schema cannot make: inline code, the
/// environment, runtime deprecation. Name, handler, memory, timeout, concurrency and
/// description are checked from the catalog (CatalogRule), after overrides.
enum FunctionRules {
    /// Lambda's limit on all environment variables together, keys and values, in bytes.
    static let maximumEnvironmentBytes = 4096
    /// Variables Lambda sets itself; a function cannot override them.
    static let reservedEnvironmentVariables: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    static func validateModel(of function: Function, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if case .inline = function.code {
            if !function.runtime.supportsInlineCode {
                context.error(function, at: root.key("Code").key("ZipFile"), "inline code needs a Python or Node.js runtime, not \(function.runtime.rawValue)")
            }
            if !function.handler.hasPrefix("index.") || function.handler.count <= "index.".count {
                context.error(function, at: root / "Handler", "inline code is saved as index.<ext>, so the handler must be index.<function>, not '\(Diagnostic.abbreviated(function.handler))'")
            }
        }
        // Compared in turn: Lambda's 4 KB for all variables keeps the list short.
        var names: [String] = []
        for (position, variable) in function.environment.enumerated() {
            let path = root.key("Environment").key("Variables").key(variable.name)
            if names.contains(variable.name) {
                context.error(function, at: path, "environment variable \(Diagnostic.abbreviated(variable.name)) is set twice (entry \(position + 1))")
            } else {
                names.append(variable.name)
            }
            if !isValidVariableName(variable.name) {
                context.error(function, at: path, "environment variable name '\(Diagnostic.abbreviated(variable.name))' must be a letter followed by at least one letter, digit or underscore (Lambda's pattern [a-zA-Z][a-zA-Z0-9_]+)")
            }
            if reservedEnvironmentVariables.contains(variable.name) {
                context.error(function, at: path, "environment variable \(variable.name) is reserved by Lambda")
            }
        }
    }

    /// `[a-zA-Z][a-zA-Z0-9_]+`, checked on the bytes: a character passes only as one of these
    /// ASCII bytes, so a name passes only when every byte does, and then it has as many
    /// characters as bytes.
    private static func isValidVariableName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.count >= 2, let first = bytes.first, isASCIILetter(first) else { return false }
        return bytes.allSatisfy { isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The checks on the function as it deploys: its L1 type read back from the rendered
    /// properties after overrides (`Function.validate(rendered:in:)`).
    static func validate(_ deployed: CfnFunction, of function: Function, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if let runtimeName = deployed.runtime?.templateValue.literalString {
            if let runtime = Runtime(rawValue: runtimeName) {
                if let problem = runtime.deprecationProblem(on: context.today) {
                    if problem.isError {
                        context.error(function, at: root / "Runtime", problem.message)
                    } else {
                        context.warning(function, at: root / "Runtime", problem.message)
                    }
                }
            } else {
                context.warning(function, at: root / "Runtime", "runtime '\(Diagnostic.abbreviated(runtimeName))' is not one infra knows; its deprecation date is not checked")
            }
        }
        checkEnvironmentSize(deployed.environment?.variables, of: function, in: context)
        InlineHandler.check(deployed, of: function, in: context)
        ResourceTags.validate(rendered: deployed.tags?.templateValue, of: function, in: context)
    }

    /// Lambda counts the UTF-8 bytes of every key and value. A value resolved at deploy time
    /// (a Ref, a GetAtt, a Sub) counts as the longest it can be (`ValueBounds`); when one
    /// has no known bound, a warning says the total cannot be bounded.
    private static func checkEnvironmentSize(_ variables: TemplateValue?, of function: Function, in context: SynthesisContext) {
        guard let variables = variables?.objectFields else { return }
        var bytes = 0
        // What each message lists, made into text only for a message.
        var resolved: [(name: String, most: Int, what: String)] = []
        var unbounded: [(name: String, why: String)] = []
        for (name, value) in variables.entries {
            bytes += name.utf8.count
            if let text = value.literalString {
                bytes += text.utf8.count
                continue
            }
            switch ValueBounds.bound(of: value) {
            case .atMost(let most, let what):
                bytes += most
                resolved.append((name, most, what))
            case .unbounded(let why):
                unbounded.append((name, why))
            }
        }
        let path = PropertyPath.properties.key("Environment").key("Variables")
        var limit: String { "Lambda allows \(maximumEnvironmentBytes) (4 KB) for all keys and values together" }
        var resolvedText: [String] { resolved.map { "\(Diagnostic.abbreviated($0.name)) up to \($0.most): \($0.what)" } }
        var unboundedText: [String] { unbounded.map { "\(Diagnostic.abbreviated($0.name)) (\($0.why))" } }
        if bytes > maximumEnvironmentBytes {
            if resolved.isEmpty, unbounded.isEmpty {
                context.error(function, at: path, "the environment variables take \(bytes) bytes; \(limit)")
            } else {
                let amount = unbounded.isEmpty ? "can take up to \(bytes) bytes" : "take at least \(bytes) bytes"
                let detail = resolved.isEmpty ? "" : " (\(resolvedText.joined(separator: "; ")))"
                context.error(function, at: path, "the environment variables \(amount) once deployed\(detail); \(limit)")
            }
        } else if !unbounded.isEmpty {
            context.warning(function, at: path, "the size of the environment variables cannot be bounded: no maximum length is known for \(unboundedText.joined(separator: ", ")); Lambda rejects more than \(maximumEnvironmentBytes) bytes (4 KB) of keys and values at deploy")
        }
    }
}

import CloudFormation

/// The checks on a function: settings on the rendered properties (so overrides are checked
/// too), and the code and environment on the typed model.
enum FunctionRules {
    static let memoryRange = 128...10240
    static let timeoutRange = 1...900
    static let maximumNameLength = 64
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
                context.error(function, at: root / "Handler", "inline code is saved as index.<ext>, so the handler must be index.<function>, not '\(function.handler)'")
            }
        }
        var names: Set<String> = []
        for (position, variable) in function.environment.enumerated() {
            let path = root.key("Environment").key("Variables").key(variable.name)
            if !names.insert(variable.name).inserted {
                context.error(function, at: path, "environment variable \(variable.name) is set twice (entry \(position + 1))")
            }
            let validName = variable.name.count >= 2
                && (variable.name.first.map { $0.isASCIILetterOrDigit && !$0.isNumber } ?? false)
                && variable.name.allSatisfy { $0.isASCIILetterOrDigit || $0 == "_" }
            if !validName {
                context.error(function, at: path, "environment variable name '\(variable.name)' must be a letter followed by letters, digits or underscores")
            }
            if reservedEnvironmentVariables.contains(variable.name) {
                context.error(function, at: path, "environment variable \(variable.name) is reserved by Lambda")
            }
        }
        function.tags.validate(function, in: context)
    }

    static func validateRendered(_ properties: Fields, of function: Function, in context: SynthesisContext) {
        let root = PropertyPath.properties
        if let name = properties["FunctionName"]?.literalString {
            if name.isEmpty || name.count > maximumNameLength {
                context.error(function, at: root / "FunctionName", "function name '\(name)' has \(name.count) characters; the limit is \(maximumNameLength)")
            } else if let character = NameRules.firstInvalidCharacter(in: name, allowed: NameRules.isFunctionNameCharacter) {
                context.error(function, at: root / "FunctionName", "function name '\(name)' contains \(character); only [a-zA-Z0-9-_] are allowed")
            }
        }
        if let runtimeName = properties["Runtime"]?.literalString {
            if let runtime = Runtime(rawValue: runtimeName) {
                if let problem = runtime.deprecationProblem(on: context.today) {
                    if problem.isError {
                        context.error(function, at: root / "Runtime", problem.message)
                    } else {
                        context.warning(function, at: root / "Runtime", problem.message)
                    }
                }
            } else {
                context.warning(function, at: root / "Runtime", "runtime '\(runtimeName)' is not one infra knows; its deprecation date is not checked")
            }
        }
        context.checkRange(properties["MemorySize"], memoryRange, of: function, at: root / "MemorySize", describing: "memory size", unit: " MB")
        context.checkRange(properties["Timeout"], timeoutRange, of: function, at: root / "Timeout", describing: "timeout", unit: " s")
        if let reserved = properties["ReservedConcurrentExecutions"]?.literalInteger, reserved < 0 {
            context.error(function, at: root / "ReservedConcurrentExecutions", "reserved concurrency \(reserved) is negative")
        }
        if let description = properties["Description"]?.literalString, description.count > 256 {
            context.error(function, at: root / "Description", "the description has \(description.count) characters; the limit is 256")
        }
        if let handler = properties["Handler"]?.literalString,
           handler.isEmpty || handler.count > 128 || handler.contains(where: \.isWhitespace) {
            context.error(function, at: root / "Handler", "handler '\(handler)' must be 1 to 128 characters without spaces")
        }
    }
}

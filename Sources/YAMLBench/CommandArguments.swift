/// Positional arguments and `--name value` options, nothing more.
struct CommandArguments {
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]

    init(_ arguments: [String], knownOptions: Set<String>) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                guard knownOptions.contains(name) else { throw UsageError("unknown option --\(name)") }
                guard index + 1 < arguments.count else { throw UsageError("--\(name) needs a value") }
                options[name] = arguments[index + 1]
                index += 2
            } else {
                positional.append(argument)
                index += 1
            }
        }
    }

    func string(_ name: String) -> String? { options[name] }

    func integer(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text = options[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw UsageError("--\(name) needs a positive integer") }
        return value
    }

    func unsigned(_ name: String, default fallback: UInt64) throws(UsageError) -> UInt64 {
        guard let text = options[name] else { return fallback }
        guard let value = UInt64(text) else { throw UsageError("--\(name) needs an unsigned integer") }
        return value
    }

    func number(_ name: String, default fallback: Double) throws(UsageError) -> Double {
        guard let text = options[name] else { return fallback }
        guard let value = Double(text), value.isFinite, value > 0 else { throw UsageError("--\(name) needs a positive number") }
        return value
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

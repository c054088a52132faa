import ArgumentParser

/// The command line as handed to ArgumentParser, whose parsing takes time quadratic in the
/// number of arguments (it removes each parsed argument from an array: 30,000 `--stack`
/// flags took 97 s). Repeating a repeatable option with the same value means nothing, so
/// the repeats are dropped first; what is left is capped, so no command line is slow.
enum ArgumentList {
    /// More arguments than any use of infra needs (an app has tens of stacks, not thousands).
    static let maximumCount = 1000

    /// Options whose values form a set: a repeat adds nothing.
    static let setOptions: Set<String> = ["--stack", "--allow-replacement"]

    /// `arguments` (without the program name) with repeated `--stack X` (or `--stack=X`)
    /// and `--allow-replacement X` dropped, in order; a usage error past ``maximumCount``.
    static func compacted(_ arguments: [String]) throws(ValidationError) -> [String] {
        var result: [String] = []
        result.reserveCapacity(min(arguments.count, maximumCount + 1))
        var seen = Set<String>()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if setOptions.contains(name) {
                let hasInlineValue = argument.contains("=")
                let value = hasInlineValue ? String(argument.dropFirst(name.count + 1)) : (index + 1 < arguments.count ? arguments[index + 1] : nil)
                let width = hasInlineValue ? 1 : 2
                if let value, !seen.insert(name + "=" + value).inserted {
                    index += width
                    continue
                }
                result += arguments[index..<min(index + width, arguments.count)]
                index += width
            } else {
                result.append(argument)
                index += 1
            }
            if result.count > maximumCount {
                throw ValidationError("more than \(maximumCount) arguments (\(arguments.count) given); name each stack or resource once")
            }
        }
        return result
    }
}

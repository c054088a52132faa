/// The names that become file names in out/: a stack's (`out/<stack>.yaml`) and an
/// environment's (`out/<env>/`). Both are checked before anything is synthesized, so a bad
/// name is a diagnostic, never a file written somewhere else.
public enum NameRules {
    /// CloudFormation's rule for stack names: a letter, then letters, digits and hyphens.
    public static let stackNameLimit = 128
    /// An environment becomes a folder name and, usually, a suffix of stack and resource names.
    public static let environmentNameLimit = 64

    /// Why `name` cannot be a stack name (CloudFormation's rule: `[A-Za-z][A-Za-z0-9-]*`,
    /// at most 128 characters), or nil. This also makes it a safe file name.
    public static func stackNameProblem(_ name: String) -> String? {
        if name.isEmpty {
            return "the stack has an empty name; CloudFormation stack names start with a letter, then letters, digits and hyphens ([A-Za-z][A-Za-z0-9-]*)"
        }
        if name.utf8.count > stackNameLimit {
            return "the stack name has \(name.utf8.count) characters; CloudFormation accepts at most \(stackNameLimit): shorten it"
        }
        let bytes = Array(name.utf8)
        guard isLetter(bytes[0]), bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else {
            return "'\(name)' is not a valid stack name: CloudFormation stack names start with a letter, then letters, digits and hyphens ([A-Za-z][A-Za-z0-9-]*); rename the stack"
        }
        return nil
    }

    /// Why `name` cannot be an environment name (`[A-Za-z0-9][A-Za-z0-9_-]*`, at most 64
    /// characters: a single, visible path component, out/<env>/), or nil.
    public static func environmentNameProblem(_ name: String) -> String? {
        let rule = "environment names are a letter or digit, then letters, digits, '-' and '_' ([A-Za-z0-9][A-Za-z0-9_-]*), as they name a folder of out/"
        if name.isEmpty {
            return "an environment has an empty name; \(rule)"
        }
        if name.utf8.count > environmentNameLimit {
            return "the environment name '\(name)' has \(name.utf8.count) characters; at most \(environmentNameLimit) are allowed: shorten it"
        }
        let bytes = Array(name.utf8)
        guard isLetter(bytes[0]) || isDigit(bytes[0]),
              bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else {
            return "'\(name)' is not a valid environment name: \(rule); rename the environment"
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// The naming rules of general purpose buckets (Amazon S3 User Guide, "General purpose
/// bucket naming rules"). The catalog's pattern checks characters only; these say which
/// rule a name breaks.
enum BucketNameRules {
    static let length = 3...63
    /// Reserved by S3: punycode names (`xn--`), S3's own buckets (`sthree-`, which covers
    /// `sthree-configurator`), and the documentation's example buckets (`amzn-s3-demo-`).
    static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    /// Reserved for other names that look like bucket names: access point aliases, Object
    /// Lambda access point aliases, Multi-Region Access Points, directory buckets and table buckets.
    static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// The first rule `name` breaks, as the end of a sentence that starts with the name; nil
    /// when it breaks none.
    static func problem(with name: String) -> String? {
        if !length.contains(name.count) {
            return "has \(name.count) characters; it needs \(length.lowerBound) to \(length.upperBound)"
        }
        if let invalid = NameRules.firstInvalidCharacter(in: name, allowed: isNameCharacter) {
            return "contains \(invalid); only lowercase letters, digits, '.' and '-' are allowed"
        }
        if let first = name.first, let last = name.last, !isLetterOrDigit(first) || !isLetterOrDigit(last) {
            return "must begin and end with a lowercase letter or a digit"
        }
        if name.contains("..") {
            return "has two adjacent periods"
        }
        if isIPAddress(name) {
            return "is formatted as an IP address"
        }
        if let prefix = reservedPrefixes.first(where: { name.hasPrefix($0) }) {
            return "starts with '\(prefix)', which S3 reserves"
        }
        if let suffix = reservedSuffixes.first(where: { name.hasSuffix($0) }) {
            return "ends with '\(suffix)', which S3 reserves"
        }
        return nil
    }

    private static func isLetterOrDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 48 && ascii <= 57) || (ascii >= 97 && ascii <= 122)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        isLetterOrDigit(character) || character == "." || character == "-"
    }

    /// Four dot-separated groups of one to three digits, as `192.168.5.4`.
    private static func isIPAddress(_ name: String) -> Bool {
        let groups = name.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count == 4 && groups.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy { $0.asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false } }
    }
}

import CloudFormation

/// A Lambda managed runtime, with the date AWS deprecates it.
///
/// Dates follow AWS's runtime deprecation table (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
/// as also shipped in cfn-lint 1.51's `LmbdRuntimeLifecycle.json`. Synthesis reports a runtime
/// whose deprecation date has come as an error naming its replacement, and one deprecated
/// within `warningPeriodInDays` as a warning.
public enum Runtime: String, Sendable, CaseIterable, Hashable {
    case python3_9 = "python3.9"
    case python3_10 = "python3.10"
    case python3_11 = "python3.11"
    case python3_12 = "python3.12"
    case python3_13 = "python3.13"
    case python3_14 = "python3.14"
    case nodejs18 = "nodejs18.x"
    case nodejs20 = "nodejs20.x"
    case nodejs22 = "nodejs22.x"
    case nodejs24 = "nodejs24.x"
    case java11
    case java17
    case java21
    case java25
    case dotnet8
    case dotnet10
    case ruby3_2 = "ruby3.2"
    case ruby3_3 = "ruby3.3"
    case ruby3_4 = "ruby3.4"
    case providedAL2 = "provided.al2"
    case providedAL2023 = "provided.al2023"

    /// How close to deprecation a runtime may be before synthesis warns.
    public static let warningPeriodInDays = 180

    /// The day AWS stops patching the runtime (after which creation, then updates, are blocked).
    public var deprecationDate: CalendarDate {
        switch self {
        case .python3_9: CalendarDate(2025, 12, 15)
        case .python3_10, .python3_11: CalendarDate(2026, 6, 30)
        case .python3_12: CalendarDate(2028, 10, 31)
        case .python3_13, .python3_14: CalendarDate(2029, 6, 30)
        case .nodejs18: CalendarDate(2025, 9, 1)
        case .nodejs20: CalendarDate(2026, 4, 30)
        case .nodejs22: CalendarDate(2027, 4, 30)
        case .nodejs24: CalendarDate(2028, 4, 30)
        case .java11, .java17: CalendarDate(2026, 6, 30)
        case .java21, .java25: CalendarDate(2029, 6, 30)
        case .dotnet8: CalendarDate(2026, 11, 10)
        case .dotnet10: CalendarDate(2028, 11, 14)
        case .ruby3_2: CalendarDate(2026, 3, 31)
        case .ruby3_3: CalendarDate(2027, 3, 31)
        case .ruby3_4: CalendarDate(2028, 3, 31)
        case .providedAL2: CalendarDate(2026, 6, 30)
        case .providedAL2023: CalendarDate(2029, 6, 30)
        }
    }

    /// The newest runtime of the same language: what to move to.
    public var replacement: Runtime {
        switch self {
        case .python3_9, .python3_10, .python3_11, .python3_12, .python3_13, .python3_14: .python3_14
        case .nodejs18, .nodejs20, .nodejs22, .nodejs24: .nodejs24
        case .java11, .java17, .java21, .java25: .java25
        case .dotnet8, .dotnet10: .dotnet10
        case .ruby3_2, .ruby3_3, .ruby3_4: .ruby3_4
        case .providedAL2, .providedAL2023: .providedAL2023
        }
    }

    /// Whether CloudFormation can inline the code (`Code.ZipFile`): Python and Node.js only.
    public var supportsInlineCode: Bool {
        rawValue.hasPrefix("python") || rawValue.hasPrefix("nodejs")
    }

    public enum Lifecycle: Hashable, Sendable {
        case supported
        case deprecatedSoon(inDays: Int)
        case deprecated
    }

    public func lifecycle(on date: CalendarDate) -> Lifecycle {
        let days = date.days(until: deprecationDate)
        if days <= 0 { return .deprecated }
        if days <= Self.warningPeriodInDays { return .deprecatedSoon(inDays: days) }
        return .supported
    }

    /// The diagnostic for using this runtime on `date`, if any: (isError, message).
    func deprecationProblem(on date: CalendarDate) -> (isError: Bool, message: String)? {
        switch lifecycle(on: date) {
        case .supported:
            return nil
        case .deprecatedSoon(let days):
            return (false, "runtime \(rawValue) will be deprecated on \(deprecationDate) (in \(days) days); move to \(replacement.rawValue)")
        case .deprecated:
            return (true, "runtime \(rawValue) was deprecated on \(deprecationDate); use \(replacement.rawValue)")
        }
    }
}

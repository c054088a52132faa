/// How long CloudWatch Logs keeps events: exactly the values `RetentionInDays` accepts.
///
/// There is deliberately no "never expire": logs kept forever cost money forever, and a
/// retention that is too short can be raised later while lost events cannot come back.
public enum LogRetention: Int, Sendable, CaseIterable, Hashable {
    case oneDay = 1
    case threeDays = 3
    case fiveDays = 5
    case oneWeek = 7
    case twoWeeks = 14
    case oneMonth = 30
    case twoMonths = 60
    case threeMonths = 90
    case fourMonths = 120
    case fiveMonths = 150
    case sixMonths = 180
    case oneYear = 365
    case thirteenMonths = 400
    case eighteenMonths = 545
    case twoYears = 731
    case threeYears = 1096
    case fiveYears = 1827
    case sixYears = 2192
    case sevenYears = 2557
    case eightYears = 2922
    case nineYears = 3288
    case tenYears = 3653
}

/// All rules, in the order they run; the findings are sorted afterwards.
enum Rules {
    static let all: [@Sendable (RuleContext) -> [Finding]] = [
        ReplacementRule.findings,
        RemovalRule.findings,
        GlobalSecondaryIndexRule.findings,
        StreamRule.findings,
        SectionRule.findings,
        UncatalogedTypeRule.findings,
        RetentionRule.findings,
        CodeHashRule.findings,
    ]

    static func findings(in context: RuleContext) -> [Finding] {
        var seen = Set<Finding>()
        return all.flatMap { $0(context) }
            .filter { seen.insert($0).inserted }
            .sorted { ($0.kind, $0.logicalID, $0.message) < ($1.kind, $1.logicalID, $1.message) }
    }
}

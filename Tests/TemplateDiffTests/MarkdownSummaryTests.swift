import Testing
import TemplateDiff

/// The Markdown report as one sticky pull-request comment.
@Suite("Markdown report: marker, summary line, folded details")
struct MarkdownSummaryTests {
    static let old = """
        Resources:
          Kept:
            Type: AWS::SQS::Queue
            Properties: {VisibilityTimeout: 30}
          Renamed:
            Type: AWS::SQS::Queue
            Properties: {QueueName: first}
          Gone:
            Type: AWS::SNS::Topic
        """
    static let new = """
        Resources:
          Kept:
            Type: AWS::SQS::Queue
            Properties: {VisibilityTimeout: 40}
          Renamed:
            Type: AWS::SQS::Queue
            Properties: {QueueName: second}
          Added:
            Type: AWS::SNS::Topic
        """

    @Test func theMarkerComesFirstThenOneSummaryLineThenTheFoldedDetails() throws {
        let report = try DiffReport.compare(old: ["s": Self.old], new: ["s": Self.new])
        let markdown = report.render(.markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == DiffReport.markdownMarker)
        #expect(DiffReport.markdownMarker.hasPrefix("<!--") && DiffReport.markdownMarker.hasSuffix("-->"))
        #expect(lines.filter { $0 == DiffReport.markdownMarker }.count == 1)
        let summary = try #require(lines.first { $0.hasPrefix("**Resources:**") })
        #expect(summary.hasPrefix("**Resources:** 1 added, 1 changed, 1 replaced, 1 removed · **Findings:** "))
        #expect(summary.contains("replacement"))
        let open = try #require(lines.firstIndex(of: "<details><summary>Property changes</summary>"))
        let close = try #require(lines.lastIndex(of: "</details>"))
        #expect(open < close)
        #expect(lines[open + 1] == "" && lines[close - 1] == "")
        #expect(lines[open...close].contains { $0.contains("`QueueName`") })
        #expect(!lines[..<open].contains { $0.hasPrefix("| `QueueName`") })
    }

    @Test func noChangesSaysNoneAndFoldsNothing() throws {
        let report = try DiffReport.compare(old: ["s": Self.old], new: ["s": Self.old])
        let markdown = report.render(.markdown)
        #expect(markdown.contains("**Resources:** 0 added, 0 changed, 0 replaced, 0 removed · **Findings:** none"))
        #expect(!markdown.contains("<details>"))
    }
}

import Foundation
import Testing
@testable import TemplateDiff

/// Templates from elsewhere (issue 14 part C): whatever a file holds, `infra diff` answers
/// with a clear error or a correct report, in small time and memory, and no text from it
/// reaches a terminal or a pull-request comment as control characters or markup.
struct HostileInputTests {
    static let queue = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"

    /// A template that wraps itself in TemplateBody `levels` times (YAML block scalars).
    static func selfWrapping(_ levels: Int) -> String {
        var lines = queue.split(separator: "\n").map(String.init)
        for _ in 0..<levels { lines = ["TemplateBody: |"] + lines.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("infra-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // MARK: 1. size, self-wrapping, nesting, aliases

    @Test func aGetTemplateResponseIsUnwrappedOnceOnly() throws {
        let once = try TemplateDocument(text: Self.selfWrapping(1))
        #expect(once.resourceOrder == ["Queue"])
        let start = ContinuousClock.now
        #expect(throws: TemplateDiffError.self) { try TemplateDocument(text: Self.selfWrapping(1000)) }
        // Before: every level was parsed again (1,000 levels: 1.8 s, 350 MB).
        #expect(ContinuousClock.now - start < .seconds(1))
        do {
            _ = try TemplateDocument(text: Self.selfWrapping(2), source: "saved.yaml")
            Issue.record("a response inside a response was read")
        } catch {
            #expect("\(error)".contains("saved.yaml: its TemplateBody is itself a get-template response"))
        }
    }

    @Test func aTemplateOverCloudFormationsLimitIsRefused() throws {
        let big = "Resources:\n" + (0..<30_000).map { "  Queue\($0):\n    Type: AWS::SQS::Queue\n" }.joined()
        #expect(big.utf8.count > 1_048_576)
        do {
            _ = try TemplateDocument(text: big, source: "big.yaml")
            Issue.record("a 1.2 MB template was read")
        } catch {
            #expect("\(error)".contains("larger than CloudFormation's 1 MB limit"))
        }
    }

    @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml").path
        // 200 MB that take no disk: a sparse file. Reading it took 72 s and 3.8 GB.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.queue.utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let start = ContinuousClock.now
        do {
            _ = try TemplateFiles.read(at: path, stack: "s")
            Issue.record("a 200 MB file was read")
        } catch {
            #expect("\(error)".contains("it is 200 MiB, larger than the 4 MiB infra diff reads"))
        }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func nestingAndAliasesAreBounded() {
        let deep = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: "
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(throws: TemplateDiffError.self) { try TemplateDocument(text: deep) }
        let bomb = "a: &a [lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nResources: {Queue: {Type: AWS::SQS::Queue, Properties: {Tags: *b}}}\n"
        do {
            _ = try TemplateDocument(text: bomb)
            Issue.record("an alias was expanded")
        } catch {
            #expect("\(error)".contains("anchor '&a'"))
            #expect("\(error)".contains("is not supported"))
        }
    }

    @Test func tensOfThousandsOfEntriesReportInLinearTime() throws {
        // 35,000 outputs, 0.8 MB: within the limits. The report's layout re-built a section's
        // block for each entry: 38 s.
        let outputs = (0..<35_000).map { #""O\#($0)": {"Value": "x"}"# }.joined(separator: ",")
        let old = #"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"# + outputs + "}}"
        let start = ContinuousClock.now
        let report = try DiffReport.compare(old: ["s": old], new: ["s": Self.queue])
        let text = report.render(.text(color: false)), markdown = report.render(.markdown)
        #expect(text.contains("35000 outputs removed") && markdown.contains("`O34999`"))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    // MARK: 3. JSON escapes

    @Test func jsonSurrogatePairsAreOneCharacter() throws {
        // What Python's json.dump writes for "Rocket 🚀" by default.
        let json = #"{"Description": "Rocket \ud83d\ude80 \u00e9", "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a\\ud83d"}}}}"#
        let document = try TemplateDocument(text: json)
        #expect(document.sections["Description"] == .scalar("Rocket 🚀 é"))
        // An escaped backslash is not the start of an escape.
        #expect(document.resources["Queue"]?.properties["QueueName"] == .scalar(#"a\ud83d"#))
        // Half a pair stays an error.
        #expect(throws: TemplateDiffError.self) { try TemplateDocument(text: #"{"Description": "\ud83d x", "Resources": {}}"#) }
    }

    // MARK: 4. escaping per output format

    static let injected = #"""
    {"Resources": {
      "Evil\u001b]0;pwned\u0007": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "red\u001b[31m"}},
      "Img<img src=x onerror=alert(1)>": {"Type": "AWS::SQS::Queue"},
      "Link[text](https://example.com)": {"Type": "AWS::SQS::Queue"},
      "Tick`x``y": {"Type": "AWS::SQS::Queue"}},
     "Outputs": {"Out\u009b2J": {"Value": "a\u202eb"}}}
    """#

    static func injectedReport() throws -> DiffReport {
        try DiffReport.compare(old: ["s": injected], new: ["s": "Resources:\n  Other:\n    Type: AWS::SNS::Topic\n"])
    }

    @Test func textOutputShowsControlCharactersVisibly() throws {
        let text = try Self.injectedReport().render(.text(color: false))
        for control in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"] {
            #expect(!text.contains(control), "raw \(control.unicodeScalars.first!.value) in the text report")
        }
        #expect(text.contains(#"Evil\u{1B}]0;pwned\u{7}"#))
        #expect(text.contains(#"Out\u{9B}2J"#))
        // Colours are the renderer's own escape sequences, and only those.
        let colored = try Self.injectedReport().render(.text(color: true))
        #expect(!colored.contains("\u{1B}]0;"))
    }

    @Test func markdownPutsIdentifiersInCodeSpansAndEscapesProse() throws {
        let markdown = try Self.injectedReport().render(.markdown)
        #expect(!markdown.contains("\u{1B}") && !markdown.contains("\u{07}"))
        #expect(markdown.contains("`Img<img src=x onerror=alert(1)>`"))
        #expect(markdown.contains("`Link[text](https://example.com)`"))
        // A code span is delimited by more backticks than it holds.
        #expect(markdown.contains("```Tick`x``y```"))
        // Outside code spans, nothing is markup: the findings' messages quote the IDs too.
        for line in markdown.split(separator: "\n") {
            let prose = Self.removingCodeSpans(String(line))
            #expect(!prose.contains("<img"), "markup outside a code span: \(line)")
            #expect(!prose.replacing("\\]", with: "").contains("]("), "a link outside a code span: \(line)")
        }
    }

    @Test func multilineValuesCannotCloseTheirCodeBlock() throws {
        let old = "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: \"a\\n```\\n<img src=x>\\n\"\n"
        let new = old.replacing("<img src=x>", with: "b")
        let markdown = try DiffReport.compare(old: ["s": old], new: ["s": new]).render(.markdown)
        #expect(markdown.contains("````diff"))
        #expect(markdown.contains("\n````\n") || markdown.hasSuffix("\n````\n"))
    }

    @Test func jsonOutputEscapesControlCharacters() throws {
        let json = try Self.injectedReport().render(.json)
        #expect(!json.contains("\u{1B}") && !json.contains("\u{07}"))
        #expect(json.contains(#"Evil\u001b]0;pwned\u0007"#))
        // What JSON allows raw but a terminal acts on: a C1 CSI, a right-to-left override.
        #expect(!json.contains("\u{9B}") && !json.contains("\u{202E}"))
        #expect(json.contains(#"Out\u009b2J"#) && json.contains(#""a\u202eb""#))
    }

    /// The line without its code spans (backtick runs of equal length).
    static func removingCodeSpans(_ line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "`") {
            result += rest[..<open]
            let fence = rest[open...].prefix { $0 == "`" }
            let after = rest[fence.endIndex...]
            guard let close = after.firstRange(of: fence) else { return result + rest[open...] }
            rest = after[close.upperBound...]
        }
        return result + rest
    }

    // MARK: 5. unknown tags, two files for one stack, files that are not files

    @Test func anUnknownTagIsAnError() {
        let yaml = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Foo bar\n"
        do {
            _ = try TemplateDocument(text: yaml, source: "t.yaml")
            Issue.record("!Foo was read as Fn::Foo")
        } catch {
            #expect("\(error)".contains("unknown tag '!Foo' at 'Resources.Queue.Properties.QueueName'"))
        }
        #expect(throws: Never.self) { try TemplateDocument(text: "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${AWS::StackName}-q'\n") }
    }

    @Test func aFolderWithTwoFilesForOneStackIsAnError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.queue.write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try #"{"Resources": {}}"#.write(to: directory.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        do {
            _ = try TemplateFiles.read(at: directory.path)
            Issue.record("one of two templates was picked")
        } catch {
            #expect("\(error)".contains("'s.json' and 's.yaml' both hold stack 's'"))
        }
    }

    @Test func aFolderIsReadUpToABound() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 40 files of 2 MiB each (each under the 4 MiB file limit): 80 MiB in all.
        let body = Self.queue + "# " + String(repeating: "x", count: 2 * 1024 * 1024) + "\n"
        for index in 0..<40 {
            try body.write(to: directory.appendingPathComponent("s\(index).yaml"), atomically: false, encoding: .utf8)
        }
        do {
            _ = try TemplateFiles.read(at: directory.path)
            Issue.record("80 MiB of templates were read")
        } catch {
            #expect("\(error)".contains("its templates add up to more than 64 MiB"))
        }
    }

    @Test func aFIFOOrADeviceIsNotAFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("t.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO without a writer would block: the type is checked first.
        for (path, kind) in [(fifo, "a FIFO (named pipe)"), ("/dev/zero", "a character device")] {
            do {
                _ = try TemplateFiles.read(at: path, stack: "s")
                Issue.record("\(path) was read")
            } catch {
                #expect("\(error)".contains("not a regular file (it is \(kind))"), "\(error)")
            }
        }
    }
}

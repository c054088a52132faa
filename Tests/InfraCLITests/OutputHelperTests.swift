// The byte-level helpers synth uses instead of Foundation's and Character-level ones agree
// with what they replace.
import Foundation
@testable import InfraCLI
import Testing

struct OutputHelperTests {
    @Test func linesSplitAsCharacterSplitDoes() {
        let texts = ["", "\n", "a", "a\n", "\nb", "a\nb\n\nc", "a\r\nb\nc", "\r\n", "é\n\u{301}x", "x\r\r\n\ny", "aws \\\n    --stack-name s"]
        for text in texts {
            #expect(DeployInstructions.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
        }
    }

    @Test func directoryNamesAsFileManagerListsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infra-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["b.yaml", ".hidden", "a.parameters.json", "é.yaml"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        try FileManager.default.createDirectory(atPath: folder + "/dev", withIntermediateDirectories: false)
        #expect(OutputDirectory.names(in: folder) == (try FileManager.default.contentsOfDirectory(atPath: folder)).sorted())
        #expect(OutputDirectory.names(in: folder + "/missing").isEmpty)
        #expect(OutputDirectory.names(in: folder + "/b.yaml").isEmpty)
    }
}

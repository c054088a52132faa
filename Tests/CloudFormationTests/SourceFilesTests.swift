import CloudFormation
import Foundation
import Testing

/// Embedded files come from the project, which may be a pull request's checkout.
@Suite struct SourceFilesTests {
    private func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("infra-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        return root
    }

    @Test func aLinkLeadingOutOfTheProjectIsRefused() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("infra-secret-\(UUID().uuidString)")
        try Data("secret".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates/index.py").path, withDestinationPath: outside.path)
        try Data("def handler(e, c): pass\n".utf8).write(to: root.appendingPathComponent("templates/inside.py"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates/alias.py").path, withDestinationPath: "inside.py")

        let files = SourceFiles(root: root.path)
        #expect(throws: SourceFiles.ReadError.self) { try files.read("templates/index.py") }
        do {
            _ = try files.read("templates/index.py")
        } catch {
            #expect(error.description.hasPrefix("file 'templates/index.py' leads through a symbolic link to '"))
        }
        #expect(try files.read("templates/alias.py") == "def handler(e, c): pass\n")   // a link inside is fine
    }

    @Test func aFileNoTemplateCanHoldIsRefusedWithoutReadingIt() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let big = root.appendingPathComponent("templates/big.py").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(SourceFiles.maximumBytes + 1)) == 0)
        do {
            _ = try SourceFiles(root: root.path).read("templates/big.py")
            Issue.record("a file over the limit must be refused")
        } catch {
            #expect(error.description.hasPrefix("file 'templates/big.py' has at least 1000001 bytes; no template can hold more than 1000000"))
        }
        #expect(throws: SourceFiles.ReadError.self) { try SourceFiles(root: root.path).read("templates") }
    }
}

import Foundation
import Testing

/// What the compiler says about a mistake the types catch (issue 14 part D item 8): a
/// snippet is type-checked against the modules this build produced.
@Suite struct CompilerMessageTests {
    static let modules = repositoryRoot + "/.build/debug/Modules"

    /// The compiler's errors for `source`, each `error: ...` line without its location.
    func errors(typeChecking source: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("infra-typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("snippet.swift")
        try Data(("import AWSResources\nimport CloudFormation\n" + source).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-I", Self.modules,
                             "-Xcc", "-fmodule-map-file=\(repositoryRoot)/Sources/CLibYAML/module.modulemap",
                             "-Xcc", "-fmodule-map-file=\(repositoryRoot)/Sources/CResourceCatalog/include/module.modulemap", file.path]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(file.path), let range = line.range(of: ": error: ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: modules + "/AWSResources.swiftmodule")))
    func aTriggerOnATableWithoutAStreamSaysToGiveItOne() throws {
        let errors = try errors(typeChecking: """
            let table = Table("Messages", partitionKey: .string("pk"))
            let function = Function("App", runtime: .python3_13, handler: "index.handler", code: .inline(file: "index.py"))
            _ = function.trigger(on: table.stream, startingPosition: .latest)
            _ = table.streamArn
            """)
        let advice = "the table has no stream: give it one with Table(..., stream: .newImage) (or .newAndOldImages, .oldImage, .keysOnly); only a Table<WithStream> has a stream to trigger on, read or grant"
        #expect(errors == [
            "'stream' is unavailable: \(advice)",
            "'streamArn' is unavailable: \(advice)",
        ])
    }
}

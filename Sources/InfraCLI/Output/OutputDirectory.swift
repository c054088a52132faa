import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport

/// out/: reads what is there and replaces it all-or-nothing. Every new file is written to
/// a staging folder inside out/ first (same file system), and only when all of them are
/// written are they renamed into place; a failure leaves out/ as it was.
struct OutputDirectory {
    let path: String

    /// The generated kinds of file (templates and parameter files) in the given folders of
    /// out/ ("" for out/ itself), relative path -> contents.
    func existingTemplates(in prefixes: [String]) -> [String: String] {
        let fileManager = FileManager.default
        var templates: [String: String] = [:]
        for prefix in prefixes {
            let folder = prefix.isEmpty ? path : FileSystem.joinPath(path, prefix)
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".parameters.json")) && !name.hasPrefix(".") {
                let full = FileSystem.joinPath(folder, name)
                if let data = fileManager.contents(atPath: full), let text = String(data: data, encoding: .utf8) {
                    templates[prefix + name] = text
                }
            }
        }
        return templates
    }

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the changed files and removes the obsolete generated ones, or nothing at all.
    func commit(writing files: [GeneratedFile], removing obsolete: [String]) throws(WriteError) {
        let fileManager = FileManager.default
        if FileSystem.isDirectory(atPath: path) == false {
            throw WriteError(description: "the output directory '\(path)' is a file, not a directory; remove it or choose another --out")
        }
        do {
            try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create the output directory '\(path)': \(FileSystem.reason(error))")
        }
        guard fileManager.isWritableFile(atPath: path) else {
            throw WriteError(description: "the output directory '\(path)' is not writable; nothing was changed")
        }
        let staging = FileSystem.joinPath(path, ".infra-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? fileManager.removeItem(atPath: staging) }
        do {
            try? fileManager.removeItem(atPath: staging)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for (index, file) in files.enumerated() {
                // Flat names in staging: the final folders may not exist yet.
                let staged = FileSystem.joinPath(staging, "\(index)")
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: staged))
            }
            for file in files {
                let folder = FileSystem.parentPath(FileSystem.joinPath(path, file.relativePath))
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                guard fileManager.isWritableFile(atPath: folder) else {
                    throw WriteError(description: "the folder '\(folder)' is not writable; nothing was changed")
                }
            }
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(description: "cannot write to the output directory '\(path)': \(FileSystem.reason(error)); nothing was changed")
        }
        for (index, file) in files.enumerated() {
            let staged = FileSystem.joinPath(staging, "\(index)")
            let final = FileSystem.joinPath(path, file.relativePath)
            // rename(2) replaces the target atomically: readers see the old file or the new, never half.
            if let code = renameReplacing(staged, final) {
                throw WriteError(description: "cannot move '\(file.relativePath)' into '\(path)': \(FileSystem.systemErrorText(code))")
            }
        }
        for name in obsolete {
            try? fileManager.removeItem(atPath: FileSystem.joinPath(path, name))
        }
    }
}

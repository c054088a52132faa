import CloudFormation
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// out/: reads what is there and changes it all-or-nothing, through a journal.
///
/// 1. Pre-check: every folder on the way is a real folder (never a symbolic link), no folder
///    stands where a file goes, every folder is writable.
/// 2. Write the journal `out/.infra-journal` (every operation, relative to out/).
/// 3. Stage each new file beside its target (`<dir>/.<name>.infra-new`, same folder, so the
///    rename cannot cross file systems) and keep the old one as a hard link
///    `<dir>/.<name>.infra-old` (a copy if links are not supported).
/// 4. Append `commit` to the journal: from here the change rolls forward.
/// 5. Rename each staged file over its target, remove the obsolete files.
/// 6. Remove the backups, then the journal.
///
/// A failure in 5 appends `rollback` and restores every target from its backup; a failure
/// before 4 just removes what was staged. A process killed at any moment leaves the journal:
/// `recover()`, which every `synth` and `synth --check` calls first, rolls forward when its
/// last word is `commit` and back otherwise, then removes every leftover. Nothing is fsynced:
/// this protects against a failing or killed process, not against a power loss.
struct OutputDirectory {
    /// The real path of out/.
    let path: String

    static let journalName = ".infra-journal"
    static let newSuffix = ".infra-new"
    static let oldSuffix = ".infra-old"
    /// Earlier versions staged into `.infra-staging-<pid>` folders; a killed run left them.
    static let legacyStagingPrefix = ".infra-staging-"

    /// The most synth reads of a file in out/ (a generated template is at most 1 MB, the
    /// S3 quota): a larger file there is not ours, and out/ may come from a pull request.
    static let readLimit = 16 << 20

    /// A file of out/ (a template, a parameter file, the journal), read with the bound; nil
    /// when it cannot be read, is not a regular file, or is larger.
    static func read(_ path: String) -> [UInt8]? {
        try? BoundedFile.bytes(atPath: path, limit: readLimit).get()
    }

    /// A test seam: replaces rename(2) in step 5, to inject a failure midway (e.g. EXDEV).
    nonisolated(unsafe) static var renameForTesting: ((String, String) -> Int32?)?

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    // MARK: Reading

    /// The generated kinds of file (templates and parameter files) in the given folders of
    /// out/ ("" for out/ itself), relative path -> contents. Dot files (our staging files) and
    /// symbolic links (never ours) are skipped, as are folders that are links.
    func existingTemplates(in prefixes: [String]) -> [String: String] {
        var templates: [String: String] = [:]
        for prefix in prefixes {
            let folder = prefix.isEmpty ? path : FileSystem.joinPath(path, prefix)
            guard pathKind(folder) == .directory else { continue }
            for name in Self.names(in: folder) where Self.isGeneratedKind(name) {
                let full = FileSystem.joinPath(folder, name)
                guard pathKind(full) == .file, let bytes = Self.read(full) else { continue }
                templates[prefix + name] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return templates
    }

    static func isGeneratedKind(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".parameters.json")) && !name.hasPrefix(".") && !name.contains("\n")
    }

    /// Folders of out/ (as `name/`) that are not among `current` and hold generated kinds of
    /// file: what an environment the app no longer has left behind. Links are skipped.
    func otherFolders(than current: Set<String>) -> [String] {
        Self.names(in: path).filter { name in
            let prefix = name + "/"
            guard !name.hasPrefix("."), !current.contains(prefix), pathKind(FileSystem.joinPath(path, name)) == .directory else { return false }
            return Self.names(in: FileSystem.joinPath(path, name)).contains(where: Self.isGeneratedKind)
        }.map { $0 + "/" }.sorted()
    }

    /// The folders of out/ that are symbolic links, among the given prefixes.
    func linkedFolders(among prefixes: [String]) -> [String] {
        prefixes.filter { !$0.isEmpty && pathKind(FileSystem.joinPath(path, String($0.dropLast()))) == .symbolicLink }
    }

    static func names(in folder: String) -> [String] {
        directoryEntryNames(folder).sorted()
    }

    // MARK: The journal

    enum Operation: Equatable {
        case makeFolder(String)
        case write(String, replacing: Bool)
        case remove(String)

        var line: String {
            switch self {
            case .makeFolder(let path): "mkdir \(path)"
            case .write(let path, let replacing): "write \(replacing ? "replace" : "new") \(path)"
            case .remove(let path): "remove \(path)"
            }
        }

        init?(line: Substring) {
            guard let space = line.firstIndex(of: " ") else { return nil }
            let word = line[..<space]
            var rest = String(line[line.index(after: space)...])
            switch word {
            case "mkdir": self = .makeFolder(rest)
            case "remove": self = .remove(rest)
            case "write":
                let replacing = rest.hasPrefix("replace ")
                guard replacing || rest.hasPrefix("new ") else { return nil }
                rest = String(rest.dropFirst(replacing ? 8 : 4))
                self = .write(rest, replacing: replacing)
            default: return nil
            }
            guard OutputDirectory.isSafeRelativePath(path) else { return nil }
        }

        var path: String {
            switch self {
            case .makeFolder(let path), .write(let path, _), .remove(let path): path
            }
        }
    }

    static let journalHeader = "infra-journal 1"

    /// A relative path with no empty, `.` or `..` component: it cannot leave out/.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    func full(_ relative: String) -> String { FileSystem.joinPath(path, relative) }

    /// `<dir>/.<name><suffix>` beside `relative`.
    func sibling(_ relative: String, _ suffix: String) -> String {
        let target = full(relative)
        let folder = FileSystem.parentPath(target)
        let name = String(target.dropFirst(folder.count + (folder.hasSuffix("/") ? 0 : 1)))
        return FileSystem.joinPath(folder, "." + name + suffix)
    }

    var journalPath: String { full(Self.journalName) }

    // MARK: Writing

    /// Writes the changed files and removes the obsolete generated ones, or changes nothing.
    func commit(writing files: [GeneratedFile], removing obsolete: [String]) throws(WriteError) {
        // 1. Pre-check, touching nothing.
        let createRoot = pathKind(path) == .missing
        var operations: [Operation] = []
        var plannedFolders = Set<String>()
        if !createRoot {
            switch pathKind(path) {
            case .directory: break
            case .file: throw WriteError(description: "the output directory '\(path)' is a file, not a directory; remove it or choose another --out")
            default: throw WriteError(description: "the output directory '\(path)' is not a folder; nothing was changed")
            }
            guard SystemCall.canWrite(path) else {
                throw WriteError(description: "the output directory '\(path)' is not writable; nothing was changed")
            }
        } else if !SystemCall.canWrite(Self.existingAncestor(of: path)) {
            throw WriteError(description: "cannot create the output directory '\(path)': \(FileSystem.systemErrorText(EACCES)); nothing was changed")
        }
        for file in files {
            let components = file.relativePath.split(separator: "/").map(String.init)
            guard Self.isSafeRelativePath(file.relativePath) else {
                throw WriteError(description: "'\(file.relativePath)' is not a path inside the output directory; nothing was changed")
            }
            var folder = ""
            for component in components.dropLast() {
                folder = FileSystem.joinPath(folder, component)
                switch pathKind(full(folder)) {
                case .missing:
                    if plannedFolders.insert(folder).inserted { operations.append(.makeFolder(folder)) }
                case .directory:
                    guard SystemCall.canWrite(full(folder)) else {
                        throw WriteError(description: "the folder '\(full(folder))' is not writable; nothing was changed")
                    }
                case .symbolicLink:
                    throw WriteError(description: "'\(full(folder))' is a symbolic link; synth never writes through a link in the output directory (it could reach another project's files): replace it with a real folder; nothing was changed")
                default:
                    throw WriteError(description: "'\(full(folder))' is not a folder, but '\(file.relativePath)' goes inside it: remove or rename it; nothing was changed")
                }
            }
            let kind = pathKind(full(file.relativePath))
            if kind == .directory {
                throw WriteError(description: "'\(full(file.relativePath))' is a folder, but the file '\(file.relativePath)' goes there: remove or rename the folder; nothing was changed")
            }
            if kind == .other {
                throw WriteError(description: "'\(full(file.relativePath))' is not a regular file: remove it; nothing was changed")
            }
            operations.append(.write(file.relativePath, replacing: kind != .missing))
        }
        for name in obsolete {
            guard Self.isSafeRelativePath(name), pathKind(FileSystem.parentPath(full(name))) == .directory else { continue }
            operations.append(.remove(name))
        }
        guard operations.contains(where: { if case .makeFolder = $0 { false } else { true } }) else { return }

        // 2. The journal, before anything else is created (out/ itself aside).
        var createdRoot = false
        func undoRoot() {
            if createdRoot { _ = SystemCall.removeDirectory(path) }
        }
        if createRoot {
            var missing: [String] = []
            var folder = path
            while pathKind(folder) == .missing {
                missing.append(folder)
                folder = FileSystem.parentPath(folder)
            }
            for folder in missing.reversed() {
                if let code = SystemCall.makeDirectory(folder), code != EEXIST {
                    throw WriteError(description: "cannot create the output directory '\(path)': \(FileSystem.systemErrorText(code)); nothing was changed")
                }
            }
            createdRoot = true
        }
        let journal = ([Self.journalHeader] + operations.map(\.line)).joined(separator: "\n") + "\n"
        if let code = SystemCall.writeFile(journalPath, Array(journal.utf8)) {
            _ = SystemCall.unlinkFile(journalPath)
            undoRoot()
            throw WriteError(description: "cannot write to the output directory '\(path)': \(FileSystem.systemErrorText(code)); nothing was changed")
        }

        // 3. Stage the new files and keep the old ones.
        let contents = Dictionary(files.map { ($0.relativePath, $0.contents) }, uniquingKeysWith: { first, _ in first })
        func stage() -> String? {
            for operation in operations {
                switch operation {
                case .makeFolder(let folder):
                    if let code = SystemCall.makeDirectory(full(folder)), code != EEXIST {
                        return "cannot create the folder '\(full(folder))': \(FileSystem.systemErrorText(code))"
                    }
                case .write(let relative, let replacing):
                    if let code = SystemCall.writeFile(sibling(relative, Self.newSuffix), Array((contents[relative] ?? "").utf8)) {
                        return "cannot write '\(sibling(relative, Self.newSuffix))': \(FileSystem.systemErrorText(code))"
                    }
                    if replacing, let problem = keepOld(relative) { return problem }
                case .remove(let relative):
                    if let problem = keepOld(relative) { return problem }
                }
            }
            for folder in Set(operations.map { FileSystem.parentPath(full($0.path)) }) {
            }
            return nil
        }
        if let problem = stage() {
            rollBack(operations)
            _ = SystemCall.unlinkFile(journalPath)
            undoRoot()
            throw WriteError(description: "\(problem); nothing was changed")
        }

        // 4. The commit point.
        if let code = SystemCall.writeFile(journalPath, Array("commit\n".utf8), append: true) {
            rollBack(operations)
            _ = SystemCall.unlinkFile(journalPath)
            undoRoot()
            throw WriteError(description: "cannot write to the output directory '\(path)': \(FileSystem.systemErrorText(code)); nothing was changed")
        }

        // 5. Into place.
        let rename = Self.renameForTesting ?? renameReplacing
        var failure: String?
        for operation in operations where failure == nil {
            switch operation {
            case .makeFolder:
                break
            case .write(let relative, _):
                // rename(2) replaces the target atomically: readers see the old file or the new, never half.
                if let code = rename(sibling(relative, Self.newSuffix), full(relative)) {
                    failure = "cannot move '\(relative)' into '\(path)': \(FileSystem.systemErrorText(code))"
                }
            case .remove(let relative):
                if let code = SystemCall.unlinkFile(full(relative)) {
                    failure = "cannot remove '\(full(relative))': \(FileSystem.systemErrorText(code))"
                }
            }
        }
        if let failure {
            // From the commit point a repair would roll forward; say otherwise first.
            _ = SystemCall.writeFile(journalPath, Array("rollback\n".utf8), append: true)
            rollBack(operations)
            _ = SystemCall.unlinkFile(journalPath)
            undoRoot()
            throw WriteError(description: "\(failure); every file was restored, nothing was changed")
        }

        // 6. Clean up.
        finish(operations)
    }

    /// `.<name>.infra-old`: a hard link to the current file (a copy where links fail).
    private func keepOld(_ relative: String) -> String? {
        let backup = sibling(relative, Self.oldSuffix)
        _ = SystemCall.unlinkFile(backup)
        if SystemCall.hardLink(full(relative), backup) == nil { return nil }
        guard let bytes = Self.read(full(relative)) else {
            return "cannot read '\(full(relative))'"
        }
        if let code = SystemCall.writeFile(backup, bytes) {
            return "cannot keep a copy of '\(full(relative))': \(FileSystem.systemErrorText(code))"
        }
        return nil
    }

    /// Puts every target back as it was before the journal's operations (idempotent).
    private func rollBack(_ operations: [Operation]) {
        for operation in operations.reversed() {
            switch operation {
            case .makeFolder(let folder):
                _ = SystemCall.removeDirectory(full(folder))
            case .write(let relative, let replacing):
                let staged = sibling(relative, Self.newSuffix)
                let backup = sibling(relative, Self.oldSuffix)
                if replacing {
                    if pathKind(backup) == .file {
                        _ = renameReplacing(backup, full(relative))
                    }
                } else if pathKind(staged) == .missing && pathKind(full(relative)) == .file {
                    // It was moved into place before the failure: it did not exist before.
                    _ = SystemCall.unlinkFile(full(relative))
                }
                _ = SystemCall.unlinkFile(staged)
                _ = SystemCall.unlinkFile(backup)
            case .remove(let relative):
                let backup = sibling(relative, Self.oldSuffix)
                if pathKind(backup) == .file {
                    _ = renameReplacing(backup, full(relative))
                }
                _ = SystemCall.unlinkFile(backup)
            }
        }
    }

    /// Completes every operation of a committed journal (idempotent), then removes it.
    private func rollForward(_ operations: [Operation]) {
        for operation in operations {
            switch operation {
            case .makeFolder:
                break
            case .write(let relative, _):
                let staged = sibling(relative, Self.newSuffix)
                if pathKind(staged) == .file {
                    _ = renameReplacing(staged, full(relative))
                }
            case .remove(let relative):
                _ = SystemCall.unlinkFile(full(relative))
            }
        }
        finish(operations)
    }

    /// Removes the backups, then the journal.
    private func finish(_ operations: [Operation]) {
        for operation in operations {
            _ = SystemCall.unlinkFile(sibling(operation.path, Self.oldSuffix))
        }
        for folder in Set(operations.map { FileSystem.parentPath(full($0.path)) }) {
        }
        _ = SystemCall.unlinkFile(journalPath)
    }

    // MARK: Repair

    /// Finds an interrupted write (a journal) and completes or undoes it, then removes every
    /// leftover staging file, backup and old staging folder. Returns what it did, one line each.
    func recover(display: String) throws(WriteError) -> [String] {
        guard pathKind(path) == .directory else { return [] }
        var report: [String] = []
        if pathKind(journalPath) == .file {
            guard let bytes = Self.read(journalPath) else {
                throw WriteError(description: "cannot read '\(journalPath)', left by an interrupted write; check its permissions")
            }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            // Only whole lines count: a line cut short by a kill has no newline after it.
            let complete = bytes.last == UInt8(ascii: "\n") ? lines : lines.dropLast()
            // Never through a link: a folder replaced by one since the journal was written is skipped.
            let operations = (complete.first == Substring(Self.journalHeader) ? complete.dropFirst().compactMap(Operation.init(line:)) : [])
                .filter { !hasLinkedFolder($0.path) }
            let forward = complete.last == "commit"
            if forward {
                rollForward(operations)
                report.append("repaired \(display)/: an interrupted synth had committed its changes; completed them (\(operations.filter { if case .makeFolder = $0 { false } else { true } }.count) file(s))")
            } else {
                rollBack(operations)
                _ = SystemCall.unlinkFile(journalPath)
                report.append("repaired \(display)/: an interrupted synth had not committed its changes; undid them, \(display)/ is as it was before it")
            }
        }
        // Leftovers: in out/ and its folders (one level, as environments are), never through a link.
        var folders = [""]
        for name in Self.names(in: path) where !name.hasPrefix(".") && pathKind(full(name)) == .directory {
            folders.append(name)
        }
        for folder in folders {
            let absolute = folder.isEmpty ? path : full(folder)
            for name in Self.names(in: absolute) where name.hasPrefix(".") {
                let item = FileSystem.joinPath(absolute, name)
                let shown = "\(display)/\(FileSystem.joinPath(folder, name))"
                if (name.hasSuffix(Self.newSuffix) || name.hasSuffix(Self.oldSuffix)) && pathKind(item) == .file {
                    _ = SystemCall.unlinkFile(item)
                    report.append("removed \(shown), left by an interrupted synth")
                } else if folder.isEmpty && name.hasPrefix(Self.legacyStagingPrefix) && pathKind(item) == .directory {
                    for staged in Self.names(in: item) {
                        _ = SystemCall.unlinkFile(FileSystem.joinPath(item, staged))
                    }
                    _ = SystemCall.removeDirectory(item)
                    report.append("removed \(shown)/, left by an interrupted synth")
                }
            }
        }
        return report
    }

    /// Whether a folder on the way from out/ to `relative` is a symbolic link.
    func hasLinkedFolder(_ relative: String) -> Bool {
        var folder = ""
        for component in relative.split(separator: "/").dropLast() {
            folder = FileSystem.joinPath(folder, String(component))
            if pathKind(full(folder)) == .symbolicLink { return true }
        }
        return false
    }

    static func existingAncestor(of path: String) -> String {
        var folder = path
        while pathKind(folder) == .missing && folder != "/" && !folder.isEmpty {
            folder = FileSystem.parentPath(folder)
        }
        return folder.isEmpty ? "." : folder
    }
}

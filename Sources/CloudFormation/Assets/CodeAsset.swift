import FileSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Local code that `aws cloudformation package` uploads (a folder it zips, or a zip file), and
/// its content hash: what the template's Metadata records so that `infra diff` can say "code
/// changed" without a zip in out/.
///
/// The hash of a folder is the SHA-256 of a manifest: one line per file, in the byte order of
/// the relative paths, `path NUL x-or-dash NUL sha256(bytes) LF` (the x is the owner's execute
/// bit, which Lambda keeps). Nothing else about a file counts (no times, owners or other
/// modes), so the hash is the same on every machine. Skipped, as build leftovers that
/// differ between machines: `__pycache__/` folders, `*.pyc` files and `.DS_Store`.
/// A symbolic link is followed when it stays inside the folder, and refused when it leads out
/// of it (the package would carry files the review never saw) or loops.
public enum CodeAsset {
    /// Lambda's limit on a function's unzipped code (250 MB): a folder over it cannot deploy.
    public static let maximumBytes = 262_144_000
    /// A bound on the walk itself, so a wrong folder (a home directory) fails fast.
    public static let maximumFiles = 10_000

    public static func isSkipped(_ name: String) -> Bool {
        name == "__pycache__" || name == ".DS_Store" || name.hasSuffix(".pyc")
    }

    public struct Digest: Hashable, Sendable {
        /// `sha256:<64 hex digits>`.
        public let hash: String
        /// Relative paths of the files hashed, sorted.
        public let files: [String]
        public let byteCount: Int
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case outsideRoot(String)
        case notFound(String)
        case notAFolder(String)
        case notAFile(String)
        case linkEscapes(link: String, target: String)
        case linkLoop(String)
        case unsupportedEntry(String)
        case unreadable(String)
        case tooManyFiles(String, Int)
        case tooLarge(String, Int)

        public var description: String {
            switch self {
            case .outsideRoot(let path): "'\(path)' must be a relative path inside the project (no '..', not absolute)"
            case .notFound(let path): "'\(path)' does not exist"
            case .notAFolder(let path): "'\(path)' is not a folder"
            case .notAFile(let path): "'\(path)' is not a file"
            case .linkEscapes(let link, let target): "'\(link)' is a symbolic link to '\(target)', outside the code folder; the package would carry files nobody reviews: copy them into the folder instead"
            case .linkLoop(let link): "'\(link)' is a symbolic link that loops back to a folder that contains it"
            case .unsupportedEntry(let path): "'\(path)' is neither a file nor a folder (a socket, a device or a pipe)"
            case .unreadable(let path): "'\(path)' cannot be read"
            case .tooManyFiles(let path, let count): "'\(path)' holds more than \(count) files; infra hashes at most \(CodeAsset.maximumFiles) (is it the right folder?)"
            case .tooLarge(let path, let bytes): "'\(path)' holds more than \(bytes) bytes; Lambda takes at most \(CodeAsset.maximumBytes) bytes (250 MB) of unzipped code"
            }
        }
    }

    /// Checks that a path is relative and stays inside the root.
    static func checkRelative(_ path: String) throws(Problem) {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw .outsideRoot(path)
        }
    }

    static func realPath(_ path: String) -> String? { FileSystem.realPath(path) }

    static func isInside(_ path: String, _ base: String) -> Bool { FileSystem.isInside(path, base) }

    enum Kind { case file(executable: Bool, size: Int), folder, link, other, missing }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(executable: info.st_mode & S_IXUSR != 0, size: Int(info.st_size))
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The kind with links followed.
    static func followedKind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(executable: info.st_mode & S_IXUSR != 0, size: Int(info.st_size))
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The hash of a folder under `root`; `relativePath` names it in messages.
    public static func digestFolder(root: String, _ relativePath: String) throws(Problem) -> Digest {
        try checkRelative(relativePath)
        let trimmed = relativePath.hasSuffix("/") ? String(relativePath.dropLast()) : relativePath
        let full = root + "/" + trimmed
        guard let realRoot = realPath(root) else { throw .notFound(root) }
        guard case .folder = followedKind(full) else {
            if case .missing = followedKind(full) { throw .notFound(relativePath) }
            throw .notAFolder(relativePath)
        }
        guard let realFolder = realPath(full), isInside(realFolder, realRoot) else {
            throw .linkEscapes(link: relativePath, target: realPath(full) ?? full)
        }
        var entries: [(path: String, executable: Bool, sha: String)] = []
        var bytes = 0
        try walk(full, relative: "", realFolder: realFolder, display: trimmed, ancestors: [realFolder], entries: &entries, bytes: &bytes)
        entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        var manifest = SHA256()
        for entry in entries {
            manifest.update(entry.path)
            manifest.update([0])
            manifest.update(entry.executable ? "x" : "-")
            manifest.update([0])
            manifest.update(entry.sha)
            manifest.update("\n")
        }
        return Digest(hash: "sha256:" + manifest.finalizeHex(), files: entries.map(\.path), byteCount: bytes)
    }

    private static func walk(
        _ folder: String, relative: String, realFolder: String, display: String, ancestors: [String],
        entries: inout [(path: String, executable: Bool, sha: String)], bytes: inout Int
    ) throws(Problem) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadable(display + "/" + relative)
        }
        for name in names.sorted() where !isSkipped(name) {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let shown = display + "/" + relativePath
            var current = kind(path)
            var realDirectory: String? = nil
            if case .link = current {
                guard let target = realPath(path) else { throw .notFound(shown) }
                guard isInside(target, realFolder) else { throw .linkEscapes(link: shown, target: target) }
                current = followedKind(path)
                realDirectory = target
            }
            switch current {
            case .folder:
                let real = realDirectory ?? (realPath(path) ?? path)
                if ancestors.contains(real) { throw .linkLoop(shown) }
                try walk(path, relative: relativePath, realFolder: realFolder, display: display, ancestors: ancestors + [real], entries: &entries, bytes: &bytes)
            case .file(let executable, let size):
                if entries.count >= maximumFiles { throw .tooManyFiles(display, maximumFiles) }
                bytes += size
                if bytes > maximumBytes { throw .tooLarge(display, maximumBytes) }
                guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(shown) }
                entries.append((relativePath, executable, SHA256.hex(data)))
            case .missing:
                throw .notFound(shown)
            case .link, .other:
                throw .unsupportedEntry(shown)
            }
        }
    }

    /// The hash of one file (a zip) under `root`.
    public static func digestFile(root: String, _ relativePath: String) throws(Problem) -> Digest {
        try checkRelative(relativePath)
        let full = root + "/" + relativePath
        guard let realRoot = realPath(root) else { throw .notFound(root) }
        switch followedKind(full) {
        case .missing: throw .notFound(relativePath)
        case .file(_, let size):
            guard let real = realPath(full), isInside(real, realRoot) else {
                throw .linkEscapes(link: relativePath, target: realPath(full) ?? full)
            }
            if size > maximumBytes { throw .tooLarge(relativePath, maximumBytes) }
            guard let data = FileManager.default.contents(atPath: full) else { throw .unreadable(relativePath) }
            return Digest(hash: "sha256:" + SHA256.hex(data), files: [relativePath], byteCount: size)
        default: throw .notAFile(relativePath)
        }
    }

    /// `path` (relative to the project root) as seen from `directory` (also relative to the
    /// root, e.g. `out` or `out/dev`): `../templates/fn`. Both are normalized first.
    public static func relativePath(_ path: String, from directory: String) -> String {
        let target = normalized(path)
        let base = normalized(directory)
        var common = 0
        while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let parts = ups + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func normalized(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts
    }
}

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

/// The path and file helpers the package's file-reading code shares (TemplateDiff and
/// InfraCLI), in place of full Foundation's `NSString` path methods and
/// `NSError.localizedDescription`: FoundationEssentials has neither, and importing Foundation
/// for them costs every run of `infra` the load of Foundation and ICU (about 2.5 ms).
package enum FileSystem {
    /// realpath(3): the path with every symbolic link, `.` and `..` resolved; nil when it fails.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the resolved `path` is `base` or lies below it.
    package static func isInside(_ path: String, _ base: String) -> Bool {
        path == base || path.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// `base/component`, as `NSString.appendingPathComponent` forms it on Linux: no slash is
    /// added after a trailing one, and an empty side gives the other unchanged.
    package static func joinPath(_ base: String, _ component: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// The folder that holds `path`, as `NSString.deletingLastPathComponent` gives it: runs of
    /// slashes count as one, a trailing slash is ignored, "" for a bare name, "/" for a name
    /// directly under the root.
    package static func parentPath(_ path: String) -> String {
        var fixed = ""
        for character in path where !(character == "/" && fixed.hasSuffix("/")) {
            fixed.append(character)
        }
        if fixed.count > 1 && fixed.hasSuffix("/") { fixed.removeLast() }
        if fixed == "/" { return fixed }
        guard let slash = fixed.lastIndex(of: "/") else { return "" }
        return slash == fixed.startIndex ? "/" : String(fixed[..<slash])
    }

    /// The extension of a file name (no folders), as `NSString.pathExtension` gives it: the
    /// text after the last dot, "" when there is none or the only dot starts the name.
    package static func pathExtension(ofName name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// Whether `path` (symbolic links followed) is a directory; nil when nothing is there.
    package static func isDirectory(atPath path: String) -> Bool? {
        #if canImport(FoundationEssentials)
        var isDirectory = false
        #else
        var isDirectory: ObjCBool = false
        #endif
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        #if canImport(FoundationEssentials)
        return isDirectory
        #else
        return isDirectory.boolValue
        #endif
    }

    /// Why a file operation failed, in words: the C library's text for the system error behind
    /// it (`strerror`, e.g. "Permission denied"), for the errors FileManager, `Data.write` and
    /// `String(contentsOf:encoding: .utf8)` throw.
    package static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError {
            return systemErrorText(posix.code.rawValue)
        }
        guard let cocoa = error as? CocoaError else {
            return String(describing: error)
        }
        if let posix = cocoa.underlying as? POSIXError {
            return systemErrorText(posix.code.rawValue)
        }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile:
            return systemErrorText(ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission:
            return systemErrorText(EACCES)
        case .fileWriteOutOfSpace:
            return systemErrorText(ENOSPC)
        case .fileWriteVolumeReadOnly:
            return systemErrorText(EROFS)
        case .fileWriteFileExists:
            return systemErrorText(EEXIST)
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding:
            // What reading text as UTF-8 throws for bytes that are not UTF-8.
            return "not UTF-8 text"
        default:
            return "the operation could not be completed (Cocoa error \(cocoa.code.rawValue))"
        }
    }

    /// `strerror(code)`.
    package static func systemErrorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

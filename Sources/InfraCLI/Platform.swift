#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The C library calls the CLI makes, in one place. Full Foundation would bring them along
// (with FileHandle and NSLock), but also the load of Foundation and ICU on every run; the CLI
// imports FoundationEssentials only.

/// Writes one line to standard error, unbuffered (as `FileHandle.standardError.write` did).
func printError(_ text: String) {
    let line = Array((text + "\n").utf8)
    line.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Whether standard output is a terminal (for colour).
var standardOutputIsTerminal: Bool {
    isatty(STDOUT_FILENO) == 1
}

/// rename(2): replaces `target` atomically. The error number when it fails, else nil.
func renameReplacing(_ source: String, _ target: String) -> Int32? {
    rename(source, target) == 0 ? nil : errno
}

/// What is at a path, without following a symbolic link at its end (lstat(2)).
enum PathKind: Equatable {
    case missing
    case file
    case directory
    case symbolicLink
    case other
}

func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFLNK: return .symbolicLink
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
}

/// The names in a folder (without `.` and `..`), in the order readdir(3) gives them; empty
/// when it cannot be opened. FileManager's `contentsOfDirectory` did this at ~75,000
/// instructions a call (its path joining and first-use generic metadata), here ~5,000.
func directoryEntryNames(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// Small wrappers over the system calls the output directory's journal needs. Each returns
/// the error number when it fails, else nil.
enum SystemCall {
    static func unlinkFile(_ path: String) -> Int32? {
        unlink(path) == 0 || errno == ENOENT ? nil : errno
    }

    static func removeDirectory(_ path: String) -> Int32? {
        rmdir(path) == 0 ? nil : errno
    }

    static func makeDirectory(_ path: String) -> Int32? {
        mkdir(path, 0o777) == 0 ? nil : errno
    }

    static func hardLink(_ source: String, _ target: String) -> Int32? {
        link(source, target) == 0 ? nil : errno
    }

    static func canWrite(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// Creates (or truncates) `path` with `bytes` and flushes it to disk.
    static func writeFile(_ path: String, _ bytes: [UInt8], append: Bool = false) -> Int32? {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return errno == 0 ? EIO : errno }
                offset += written
            }
            return nil
        }
        // No fsync: the journal makes a write safe against a failing or killed process,
        // which the page cache survives; durability across a power loss would cost an fsync
        // of about 7 ms per file here, several times the rest of a synth (out/ is in git).
        return failure
    }
}

/// An exclusive flock(2) on a folder, held until released (or the process ends): two
/// `infra synth` runs in one project take turns instead of repairing each other's journal.
final class FolderLock {
    private var descriptor: Int32

    /// Waits for the lock; nil when the folder cannot be opened or locked.
    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            return nil
        }
    }

    deinit {
        close(descriptor)
    }
}

/// A pthread mutex. NSLock is in full Foundation, and Synchronization's Mutex needs macOS 15
/// (the package supports macOS 13).
final class PThreadMutex: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// Ends the process with `status` through the C library's exit, which flushes standard output:
/// what ArgumentParser's `exit(withError:)` does for an `ExitCode`, without first looking the
/// error up among its own error types (0.4 M instructions at the end of every run).
func exitProcess(_ status: Int32) -> Never {
    exit(status)
}

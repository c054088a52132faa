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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file that came from elsewhere without trusting it: only a regular file (a FIFO
/// would block, `/dev/zero` never ends), and never more than a limit, checked from the
/// file's size before reading and again while reading (a file may grow meanwhile).
package enum BoundedFile {
    package enum Failure: Error, Hashable, Sendable {
        case notFound
        /// Not a regular file: `kind` says what it is ("a FIFO (named pipe)", ...).
        case notRegularFile(kind: String)
        /// At least `size` bytes, over `limit`.
        case tooLarge(size: Int, limit: Int)
        case notUTF8
        /// A system error, in the C library's words.
        case system(String)
    }

    /// The file's text, UTF-8, at most `limit` bytes.
    package static func text(atPath path: String, limit: Int) -> Result<String, Failure> {
        bytes(atPath: path, limit: limit).flatMap { bytes in
            // Validates rather than repairs: a replacement character would hide a broken file.
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
            return .success(text)
        }
    }

    /// The file's bytes, at most `limit`.
    package static func bytes(atPath path: String, limit: Int) -> Result<[UInt8], Failure> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .failure(errno == ENOENT ? .notFound : .system(FileSystem.systemErrorText(errno)))
        }
        if let kind = nonRegularKind(status.st_mode) { return .failure(.notRegularFile(kind: kind)) }
        if Int(status.st_size) > limit { return .failure(.tooLarge(size: Int(status.st_size), limit: limit)) }

        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(FileSystem.systemErrorText(errno))) }
        defer { close(descriptor) }
        // The path may have been swapped for something else between stat and open.
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(FileSystem.systemErrorText(errno))) }
        if let kind = nonRegularKind(status.st_mode) { return .failure(.notRegularFile(kind: kind)) }

        var result: [UInt8] = []
        // Read into uninitialized memory: the whole file (and one byte more, to see it grew)
        // first, then in 64 KiB chunks. A zero-filled 64 KiB buffer per file cost more than
        // reading a template.
        var chunkSize = min(Int(status.st_size), limit) + 1
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
                initialized = 0
                while true {
                    let count = read(descriptor, buffer.baseAddress, buffer.count)
                    if count >= 0 { initialized = count; return }
                    if errno != EINTR { failure = errno; return }
                }
            }
            if failure != 0 { return .failure(.system(FileSystem.systemErrorText(failure))) }
            if chunk.isEmpty { break }
            if result.isEmpty { result = chunk } else { result.append(contentsOf: chunk) }
            if result.count > limit { return .failure(.tooLarge(size: result.count, limit: limit)) }
            chunkSize = 64 * 1024
        }
        return .success(result)
    }

    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with posix_spawn, capturing its standard output and error
/// (each bounded), with standard input from /dev/null and a time limit. Full Foundation's
/// Process is not linked into the CLI.
enum ProcessRunner {
    struct Output: Sendable {
        /// The exit status; 128 + the signal number when a signal ended it; 124 on timeout.
        var status: Int32
        var standardOutput: String
        var standardError: String
        var timedOut = false
    }

    enum Failure: Error, CustomStringConvertible {
        case cannotStart(program: String, errno: Int32)

        var description: String {
            switch self {
            case .cannotStart(let program, let number):
                "cannot run \(program): \(String(cString: strerror(number)))"
            }
        }
    }

    /// The most bytes kept of each stream (the rest is read and dropped).
    static let maximumCapture = 32 << 20

    /// Runs `arguments[0]`, searched in PATH, with the current environment plus `environment`.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], timeoutSeconds: Double = 300) throws(Failure) -> Output {
        precondition(!arguments.isEmpty)
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw .cannotStart(program: arguments[0], errno: errno) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw .cannotStart(program: arguments[0], errno: errno)
        }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for descriptor in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var environment = ProcessEnvironment.variables
        environment.merge(extra) { _, new in new }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw .cannotStart(program: arguments[0], errno: spawned)
        }

        var captured: [[UInt8]] = [[], []]
        var open = [outPipe[0], errPipe[0]]
        let deadline = monotonicSeconds() + timeoutSeconds
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 >= 0 }) {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress!, 65536) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    close(open[index])
                    open[index] = -1
                } else if captured[index].count < maximumCapture {
                    captured[index] += buffer[0..<min(count, maximumCapture - captured[index].count)]
                }
            }
        }
        for descriptor in open where descriptor >= 0 { close(descriptor) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit: Int32
        if timedOut {
            exit = 124
        } else if status & 0x7f == 0 {
            exit = (status >> 8) & 0xff
        } else {
            exit = 128 + (status & 0x7f)
        }
        return Output(status: exit, standardOutput: String(decoding: captured[0], as: UTF8.self),
                      standardError: String(decoding: captured[1], as: UTF8.self), timedOut: timedOut)
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

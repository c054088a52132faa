#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `infra deploy` talks to the person deploying: results on standard output; events,
/// progress and questions on standard error; answers from standard input, only when it is
/// a terminal.
protocol DeployConsole: AnyObject {
    /// A line of the result (the diff, the comparison, the outputs): standard output.
    func print(_ line: String)
    /// A line about the run (an event, a note, an error): standard error.
    func note(_ line: String)
    /// The one progress line: rewritten in place on a terminal; elsewhere printed only when
    /// `key` changes (so that a log gets a line per step, not per poll).
    func progress(_ line: String, key: String)
    /// Ends the progress line (a newline on a terminal).
    func endProgress()
    /// Whether a person can answer (standard input is a terminal).
    var canAsk: Bool { get }
    /// Asks, and reads one line; nil at the end of input.
    func ask(_ prompt: String) -> String?
}

final class TerminalConsole: DeployConsole {
    private var lastProgress: String?
    private var lastKey: String?
    private var progressShown = false
    private let progressOnTerminal = isatty(STDERR_FILENO) == 1

    func print(_ line: String) {
        writeAll(STDOUT_FILENO, line + "\n")
    }

    func note(_ line: String) {
        clearProgress()
        writeAll(STDERR_FILENO, line + "\n")
        redrawProgress()
    }

    func progress(_ line: String, key: String) {
        guard key != lastKey || progressOnTerminal else { return }
        lastProgress = line
        lastKey = key
        if progressOnTerminal {
            writeAll(STDERR_FILENO, "\r\u{1B}[K" + line)
            progressShown = true
        } else {
            writeAll(STDERR_FILENO, line + "\n")
        }
    }

    func endProgress() {
        if progressOnTerminal && progressShown { writeAll(STDERR_FILENO, "\n") }
        progressShown = false
        lastProgress = nil
        lastKey = nil
    }

    var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

    func ask(_ prompt: String) -> String? {
        writeAll(STDERR_FILENO, prompt)
        return readLine(strippingNewline: true)
    }

    private func clearProgress() {
        if progressOnTerminal && progressShown { writeAll(STDERR_FILENO, "\r\u{1B}[K") }
    }

    private func redrawProgress() {
        if progressOnTerminal && progressShown, let lastProgress { writeAll(STDERR_FILENO, lastProgress) }
    }

    private func writeAll(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

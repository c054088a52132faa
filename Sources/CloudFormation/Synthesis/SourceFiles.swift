#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Hand-written files that stacks embed (Lambda code under templates/), read relative to
/// the app's root so that output never contains a machine's absolute path.
public struct SourceFiles: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public enum ReadError: Error, CustomStringConvertible {
        case notFound(String)
        case outsideRoot(String)
        case notUTF8(String)

        public var description: String {
            switch self {
            case .notFound(let path): "file '\(path)' does not exist"
            case .outsideRoot(let path): "file '\(path)' must be a relative path inside the project"
            case .notUTF8(let path): "file '\(path)' is not UTF-8 text"
            }
        }
    }

    public func read(_ relativePath: String) throws(ReadError) -> String {
        guard !relativePath.hasPrefix("/"), !relativePath.split(separator: "/").contains("..") else {
            throw .outsideRoot(relativePath)
        }
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .notFound(relativePath)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .notUTF8(relativePath)
        }
        return text
    }
}

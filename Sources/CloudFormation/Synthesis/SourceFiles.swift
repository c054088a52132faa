import FileSupport
import ResourceCatalog

/// Hand-written files that stacks embed (Lambda code under templates/), read relative to
/// the app's root so that output never contains a machine's absolute path. The root may be a
/// pull request's checkout: a file is read only when it resolves (links followed) inside the
/// root, is a regular file, and is small enough to fit a template at all.
public struct SourceFiles: Sendable {
    public let root: String

    /// No template can hold more (CloudFormation's quota for a template given through S3).
    public static let maximumBytes = TemplateLimits.templateURLBytes

    public init(root: String) {
        self.root = root
    }

    public enum ReadError: Error, CustomStringConvertible {
        case notFound(String)
        case outsideRoot(String)
        case notUTF8(String)
        case linkEscapes(String, target: String)
        case notRegularFile(String, kind: String)
        case tooLarge(String, bytes: Int)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .notFound(let path): "file '\(path)' does not exist"
            case .outsideRoot(let path): "file '\(path)' must be a relative path inside the project"
            case .notUTF8(let path): "file '\(path)' is not UTF-8 text"
            case .linkEscapes(let path, let target):
                "file '\(path)' leads through a symbolic link to '\(target)', outside the project: the template would carry a file nobody reviews; copy it into the project instead"
            case .notRegularFile(let path, let kind): "file '\(path)' is \(kind), not a regular file"
            case .tooLarge(let path, let bytes):
                "file '\(path)' has at least \(bytes) bytes; no template can hold more than \(SourceFiles.maximumBytes): deploy the code from a folder (`.folder(...)`) instead"
            case .unreadable(let path, let reason): "file '\(path)' cannot be read: \(reason)"
            }
        }
    }

    public func read(_ relativePath: String) throws(ReadError) -> String {
        guard !relativePath.hasPrefix("/"), !relativePath.split(separator: "/").contains("..") else {
            throw .outsideRoot(relativePath)
        }
        let path = FileSystem.joinPath(root, relativePath)
        guard let realRoot = FileSystem.realPath(root), let real = FileSystem.realPath(path) else {
            throw .notFound(relativePath)
        }
        guard FileSystem.isInside(real, realRoot) else { throw .linkEscapes(relativePath, target: real) }
        switch BoundedFile.text(atPath: real, limit: Self.maximumBytes) {
        case .success(let text): return text
        case .failure(.notFound): throw .notFound(relativePath)
        case .failure(.notUTF8): throw .notUTF8(relativePath)
        case .failure(.notRegularFile(let kind)): throw .notRegularFile(relativePath, kind: kind)
        case .failure(.tooLarge(let size, _)): throw .tooLarge(relativePath, bytes: size)
        case .failure(.system(let reason)): throw .unreadable(relativePath, reason: reason)
        }
    }
}

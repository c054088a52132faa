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
import CloudFormation
import FileSupport
import ResourceCatalog
import TemplateDiff

/// A template file given on the command line (`infra validate --template FILE`): read with
/// the same loader as `infra diff --against`, bounded in size because it comes from
/// anywhere, and turned into the CloudFormation model.
struct TemplateFile {
    /// CloudFormation's largest template (one read from S3): anything larger cannot deploy.
    static let maximumBytes = TemplateLimits.templateURLBytes

    /// The stack name diagnostics use: the file name without its extension.
    let stack: String
    let template: Template

    init(path: String) throws(TemplateDiffError) {
        guard let isDirectory = FileSystem.isDirectory(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file or directory")
        }
        if isDirectory { throw .unreadable(path: path, reason: "it is a directory; name a template file") }
        // stat, not FileManager's attributes: those also look up the owner's user and group
        // names, which a static executable does through glibc's NSS (see the README's Quick start).
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .unreadable(path: path, reason: FileSystem.systemErrorText(errno))
        }
        let size = Int(status.st_size)
        if size > Self.maximumBytes {
            throw .unreadable(path: path, reason: "it is \(size) bytes; CloudFormation accepts templates of at most \(Self.maximumBytes) bytes")
        }
        let texts = try TemplateFiles.read(at: path)
        guard let (stack, text) = texts.first else { throw .unreadable(path: path, reason: "nothing was read") }
        self.stack = stack
        self.template = ImportedTemplate.template(from: try TemplateDocument(text: text, source: path))
    }

    var diagnostics: [Diagnostic] { Validator.validate(template, stack: stack) }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? Int) ?? (attributes[.size] as? UInt64).map { Int(clamping: $0) } ?? 0
        } catch {
            throw .unreadable(path: path, reason: FileSystem.reason(error))
        }
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

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FileSupport
import InfraYAML

/// Templates on disk: the committed ones in out/, or those given with `--against PATH`.
public enum TemplateFiles {
    /// File extensions read from a directory.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

    /// Stack name -> template text. A directory gives one entry per template file directly
    /// in it, named by the file name without its extension; a file gives one entry, named
    /// `stack` when given (e.g. the one `--stack` selects) or else by the file name.
    public static func read(at path: String, stack: String? = nil) throws(TemplateDiffError) -> [String: String] {
        guard let isDirectory = FileSystem.isDirectory(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file or directory")
        }
        let url = URL(fileURLWithPath: path)
        guard isDirectory else {
            return [stack ?? url.deletingPathExtension().lastPathComponent: try text(of: url)]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: FileSystem.reason(error))
        }
        var templates: [String: String] = [:]
        // Parameter files sit beside the templates in out/; they are not templates.
        for name in names.sorted() where extensions.contains(FileSystem.pathExtension(ofName: name).lowercased()) && !name.hasSuffix(".parameters.json") {
            let file = url.appendingPathComponent(name)
            templates[file.deletingPathExtension().lastPathComponent] = try text(of: file)
        }
        return templates
    }

    private static func text(of url: URL) throws(TemplateDiffError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: FileSystem.reason(error))
        }
    }
}

extension TemplateDocument {
    /// Parses a template written in YAML or JSON. `source` names it in errors. A saved
    /// `aws cloudformation get-template` response is unwrapped, whether its TemplateBody
    /// is a JSON object or a YAML template as a string.
    public init(text: String, source: String? = nil) throws(TemplateDiffError) {
        let root: Node
        do {
            root = try Parser.parse(text)
        } catch {
            throw .yaml(error, file: source)
        }
        if case .mapping(let top) = root, top["Resources"] == nil, let body = top["TemplateBody"]?.scalarText {
            try self.init(text: body, source: source)
            return
        }
        do {
            try self.init(root)
        } catch .invalidTemplate(let reason) {
            throw .invalidTemplate(source.map { "\($0): \(reason)" } ?? reason)
        }
    }
}

extension DiffReport {
    /// Compares stacks by name, from template texts (stack name -> text) such as
    /// `TemplateFiles.read(at:)` returns. `stacks` limits and orders the comparison; by
    /// default every stack on either side, by name. A stack with no previous template is
    /// new; one with no new template is reported as removed.
    public static func compare(
        old: [String: String], new: [String: String], stacks: [String]? = nil
    ) throws(TemplateDiffError) -> DiffReport {
        let names = stacks ?? Set(old.keys).union(new.keys).sorted()
        var diffs: [StackDiff] = []
        // Nested stacks (`app.Child`) are reported as `app/Child`, with moves between them.
        var documents: [String: (old: TemplateDocument?, new: TemplateDocument?)] = [:]
        var fileNames: [String: String] = [:]
        for name in names where old[name] != nil || new[name] != nil {
            let before = try old[name].map { text throws(TemplateDiffError) in try TemplateDocument(text: text, source: "\(name) (previous)") }
            let after = try new[name].map { text throws(TemplateDiffError) in try TemplateDocument(text: text, source: "\(name) (new)") }
            let shown = NestedStacks.displayName(name)
            documents[shown] = (before, after)
            fileNames[shown] = name
            diffs.append(TemplateDiffer.diff(stack: shown, old: before, new: after))
        }
        return DiffReport(stacks: NestedStacks.withMoves(diffs, documents: documents, names: fileNames))
    }
}

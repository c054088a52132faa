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
            return [stack ?? url.deletingPathExtension().lastPathComponent: try text(ofFileAt: path)]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: FileSystem.reason(error))
        }
        var templates: [String: String] = [:]
        var files: [String: String] = [:]
        var total = 0
        // Parameter files sit beside the templates in out/; they are not templates.
        for name in names.sorted() where extensions.contains(FileSystem.pathExtension(ofName: name).lowercased()) && !name.hasSuffix(".parameters.json") {
            let file = url.appendingPathComponent(name)
            let stack = file.deletingPathExtension().lastPathComponent
            // Two files for one stack (x.yaml and x.json): which is the previous template is a
            // guess, so it is not made.
            if let first = files[stack] {
                throw .unreadable(path: path, reason: "\(Display.short(first)) and \(Display.short(name)) both hold stack \(Display.short(stack)); keep one of them")
            }
            files[stack] = name
            let text = try text(ofFileAt: file.path)
            total += text.utf8.count
            guard total <= InputLimits.maximumFolderBytes else {
                throw .unreadable(path: path, reason: "its templates add up to more than \(InputLimits.size(InputLimits.maximumFolderBytes)) (\(templates.count + 1) files so far); give a folder that holds the app's templates only")
            }
            templates[stack] = text
        }
        return templates
    }

    /// The file's text: a regular file of at most ``InputLimits/maximumFileBytes``, checked
    /// before it is read.
    public static func text(ofFileAt path: String) throws(TemplateDiffError) -> String {
        switch BoundedFile.text(atPath: path, limit: InputLimits.maximumFileBytes) {
        case .success(let text):
            return text
        case .failure(.notFound):
            throw .unreadable(path: path, reason: "no such file or directory")
        case .failure(.notRegularFile(let kind)):
            throw .unreadable(path: path, reason: "not a regular file (it is \(kind)); save the template to a file and give that")
        case .failure(.tooLarge(let size, let limit)):
            throw .unreadable(path: path, reason: "it is \(InputLimits.size(size)), larger than the \(InputLimits.size(limit)) infra diff reads (CloudFormation's limit for a template is 1 MB); give the template itself")
        case .failure(.notUTF8):
            throw .unreadable(path: path, reason: "not UTF-8 text")
        case .failure(.system(let reason)):
            throw .unreadable(path: path, reason: reason)
        }
    }
}

extension TemplateDocument {
    /// Parses a template written in YAML or JSON. `source` names it in errors. A saved
    /// `aws cloudformation get-template` response is unwrapped, once, whether its
    /// TemplateBody is a JSON object or a YAML template as a string.
    ///
    /// Input from elsewhere is bounded: a template over ``InputLimits/maximumTemplateBytes``,
    /// a response whose body is another response, and a tag that is not one of
    /// CloudFormation's short forms (`!Ref`, `!GetAtt`, ...) are errors.
    public init(text: String, source: String? = nil) throws(TemplateDiffError) {
        try self.init(tree: try Self.parse(text, source: source, what: "the template"), source: source)
    }

    /// A template already read into a node tree, checked as `init(text:source:)` checks the tree
    /// it parses: `infra diff` hands over the trees that synthesis emitted its templates from,
    /// which parsing the emitted text would give back.
    public init(tree: Node, source: String? = nil) throws(TemplateDiffError) {
        func named(_ reason: String) -> TemplateDiffError {
            .invalidTemplate(source.map { "\($0): \(reason)" } ?? reason)
        }
        var root = tree
        if let body = Self.envelopeBody(root) {
            switch body {
            case .scalar(let scalar):
                root = try Self.parse(scalar.text, source: source, what: "its TemplateBody")
            case .mapping:
                root = body
            case .sequence:
                throw named("the TemplateBody of this get-template response is a list, not a template")
            }
            guard Self.envelopeBody(root) == nil else {
                throw named("its TemplateBody is itself a get-template response; save the template once (aws cloudformation get-template --query TemplateBody --output text)")
            }
        }
        if let (tag, path) = ShortFormTags.firstUnknown(in: root) {
            throw named("unknown tag \(Display.short(tag.name)) at \(Display.short(path)); CloudFormation's short forms are \(ShortFormTags.summary)")
        }
        do {
            try self.init(root)
        } catch .invalidTemplate(let reason) {
            throw named(reason)
        }
    }

    /// Whether the template declares the SAM transform (`Transform: AWS::Serverless-2016-10-31`,
    /// alone or in a list): it is then the SAM flavor of its stack.
    public var isSAM: Bool {
        let sam = "AWS::Serverless-2016-10-31"
        switch sections["Transform"] {
        case .scalar(let name)?: return name == sam
        case .list(let names)?: return names.contains(.scalar(sam))
        default: return false
        }
    }

    /// A `get-template` response's TemplateBody: a top-level mapping with it and no Resources.
    private static func envelopeBody(_ root: Node) -> Node? {
        guard case .mapping(let top) = root, top["Resources"] == nil else { return nil }
        return top["TemplateBody"]
    }

    private static func parse(_ text: String, source: String?, what: String) throws(TemplateDiffError) -> Node {
        guard text.utf8.count <= InputLimits.maximumTemplateBytes else {
            let reason = "\(what) is \(InputLimits.size(text.utf8.count)), larger than CloudFormation's 1 MB limit for a template, so no stack has it"
            throw .invalidTemplate(source.map { "\($0): \(reason)" } ?? reason)
        }
        do {
            return try Parser.parse(text)
        } catch {
            throw .yaml(error, file: source)
        }
    }
}

/// CloudFormation's short-form tags: `!Ref`, `!Condition` and the `Fn::` functions that
/// have one. Any other tag would silently become an `Fn::` call CloudFormation rejects.
enum ShortFormTags {
    static let names: Set<String> = [
        "Ref", "Condition", "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join",
        "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
        // Rule-specific functions (Rules section).
        "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll",
    ]

    static let summary = "!Ref, !Condition, !GetAtt, !Sub, !Join, !If and the other Fn:: functions' (write Fn::Name in long form otherwise)"

    /// The first tag (in document order) that is not a short form, with where it is.
    static func firstUnknown(in root: Node) -> (Tag, String)? {
        // A walk without the path first: templates almost never hold an unknown tag, and
        // keeping the path at every node was a sixth of reading a template for comparison.
        guard containsUnknown(root) else { return nil }
        var path: [PathStep] = []
        return firstUnknown(in: root, path: &path)
    }

    private static func isKnown(_ tag: Tag) -> Bool {
        names.contains(String(tag.name.dropFirst()))
    }

    private static func containsUnknown(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            return scalar.tag.map { !isKnown($0) } ?? false
        case .sequence(let sequence):
            if let tag = sequence.tag, !isKnown(tag) { return true }
            let items = sequence.items
            for index in items.indices where containsUnknown(items[index]) { return true }
            return false
        case .mapping(let mapping):
            if let tag = mapping.tag, !isKnown(tag) { return true }
            let entries = mapping.entries
            for index in entries.indices where containsUnknown(entries[index].value) { return true }
            return false
        }
    }

    /// A key or an index on the way to a node.
    private enum PathStep {
        case key(String)
        case index(Int)
    }

    /// `path` grows and shrinks with the walk; it becomes text only for the tag found (making
    /// text at every node was a tenth of reading a large template).
    private static func firstUnknown(in node: Node, path: inout [PathStep]) -> (Tag, String)? {
        if let tag = node.tag, !isKnown(tag) {
            return (tag, path.isEmpty ? "the top level" : text(of: path))
        }
        switch node {
        case .scalar:
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                if let found = firstUnknown(in: item, path: &path) { return found }
            }
        case .mapping(let mapping):
            for entry in mapping.entries {
                path.append(.key(entry.key))
                defer { path.removeLast() }
                if let found = firstUnknown(in: entry.value, path: &path) { return found }
            }
        }
        return nil
    }

    /// `Resources.Queue.Properties.Tags[0]`.
    private static func text(of path: [PathStep]) -> String {
        var text = ""
        for (position, step) in path.enumerated() {
            switch step {
            case .key(let key): text += position == 0 ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

extension DiffReport {
    /// Compares stacks by name, from template texts (stack name -> text) such as
    /// `TemplateFiles.read(at:)` returns. `stacks` limits and orders the comparison; by
    /// default every stack on either side, by name. A stack with no previous template is
    /// new; one with no new template is reported as removed.
    ///
    /// `newTrees` holds, by stack name, the node trees some of the new texts were emitted from
    /// (`SynthesisPipeline.Result.trees`): those are compared without reading the text back.
    public static func compare(
        old: [String: String], new: [String: String], newTrees: [String: Node] = [:], stacks: [String]? = nil
    ) throws(TemplateDiffError) -> DiffReport {
        let names = stacks ?? Set(old.keys).union(new.keys).sorted()
        var diffs: [StackDiff] = []
        // Nested stacks (`app.Child`) are reported as `app/Child`, with moves between them.
        var documents: [String: (old: TemplateDocument?, new: TemplateDocument?)] = [:]
        var fileNames: [String: String] = [:]
        for name in names where old[name] != nil || new[name] != nil {
            let before = try old[name].map { text throws(TemplateDiffError) in try TemplateDocument(text: text, source: "\(name) (previous)") }
            let after = try new[name].map { text throws(TemplateDiffError) in
                if let tree = newTrees[name] { return try TemplateDocument(tree: tree, source: "\(name) (new)") }
                return try TemplateDocument(text: text, source: "\(name) (new)")
            }
            let shown = NestedStacks.displayName(name)
            documents[shown] = (before, after)
            fileNames[shown] = name
            diffs.append(TemplateDiffer.diff(stack: shown, old: before, new: after))
        }
        return DiffReport(stacks: NestedStacks.withMoves(diffs, documents: documents, names: fileNames))
    }
}

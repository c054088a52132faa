import FileSupport

/// Where `--out` (or the app's default, `out`) really is, and whether synth may write there.
///
/// The rules, for everything that writes or removes (`synth`, and the repair of an interrupted
/// write): the output directory, with every symbolic link resolved, is a folder strictly
/// inside the project root (also resolved), and no symbolic link lies between the root and
/// it, nor is it one. A symbolic link there would let synth write, or delete a generated-looking
/// file, in a folder that belongs to something else; so links are refused, not followed.
/// `synth --check` only reads, so its `--out` may be any folder.
struct OutputLocation {
    /// As given: printed in messages and deploy commands (`out`, `build/out`, `/abs/out`).
    let display: String
    /// The real path: every existing component resolved, the rest appended.
    let path: String
    /// The project root's real path.
    let root: String
    /// Why synth may not write there, or nil.
    let unsafeReason: String?
    /// Whether it is outside the root (a bad option value, exit 64), rather than a state of the
    /// disk there (a link, a file: exit 2).
    let isOutsideRoot: Bool

    /// Nil-safe: `--out ''` and other non-folders are usage errors, thrown as such.
    init(root: String, out: String) throws(UsageProblem) {
        var given = out
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        guard !given.isEmpty else {
            throw UsageProblem("--out is empty; name a folder inside the project root, e.g. --out out")
        }
        display = given
        guard let realRoot = FileSystem.realPath(root) else {
            throw UsageProblem("the project root '\(root)' cannot be resolved")
        }
        self.root = realRoot
        let absolute = given.hasPrefix("/") ? given : FileSystem.joinPath(realRoot, given)

        // Walk the components: resolve what exists (noting a link inside the root), append the rest.
        var current = "/"
        var missing = false
        var linkInside: String?
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for component in components {
            if component == "." { continue }
            if component == ".." {
                current = FileSystem.parentPath(current)
                if current.isEmpty { current = "/" }
                continue
            }
            let next = FileSystem.joinPath(current, component)
            if missing {
                current = next
                continue
            }
            switch pathKind(next) {
            case .missing:
                missing = true
                current = next
            case .symbolicLink:
                if linkInside == nil && Self.isInside(current, realRoot, orEqual: true) {
                    linkInside = next
                }
                current = FileSystem.realPath(next) ?? next
                if pathKind(current) == .missing { missing = true }
            default:
                current = next
            }
        }
        path = current

        if let linkInside {
            unsafeReason = "'\(linkInside)' is a symbolic link; synth never writes or removes files through a link in the output directory's path (it could reach another project's files): replace the link with a real folder"
        } else if !Self.isInside(path, realRoot, orEqual: false) {
            unsafeReason = path == realRoot
                ? "the output directory '\(given)' is the project root itself; synth writes only to a folder inside the root (e.g. --out out)"
                : "the output directory '\(given)' is '\(path)', outside the project root '\(realRoot)'; synth writes and removes files only in a folder inside the root (with symbolic links resolved): choose --out inside it, e.g. --out out"
        } else if pathKind(path) != .missing && pathKind(path) != .directory {
            unsafeReason = "the output directory '\(given)' exists and is not a folder; remove it or choose another --out"
        } else {
            unsafeReason = nil
        }
        isOutsideRoot = linkInside == nil && !Self.isInside(path, realRoot, orEqual: false)
    }

    /// Whether `path` is `base` or below it (both real, absolute paths).
    static func isInside(_ path: String, _ base: String, orEqual: Bool) -> Bool {
        if path == base { return orEqual }
        return path.hasPrefix(base == "/" ? "/" : base + "/")
    }
}

/// A bad option value: exit 64.
struct UsageProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

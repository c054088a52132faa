import CLibYAML

/// A tag as the parser reports it, sorted into what the tree can hold.
enum NodeTag: Equatable {
    /// No tag: plain scalars are resolved by the YAML 1.2 core schema.
    case absent
    /// The non-specific tag `!`: a string, nothing more (YAML 1.2 §6.9.1).
    case nonSpecific
    /// A local tag such as `!Ref`.
    case local(Tag)

    /// What goes into the tree.
    var tag: Tag? {
        if case .local(let tag) = self { return tag }
        return nil
    }

    /// Sorts libyaml's resolved tag; any global tag (`!!str`, `tag:…`) is refused.
    static func classify(_ raw: UnsafeMutablePointer<yaml_char_t>?, mark: Mark) throws(YAMLError) -> NodeTag {
        guard let raw else { return .absent }
        let name = String(cString: raw)
        if name == "!" { return .nonSpecific }
        guard name.hasPrefix("!") else {
            throw YAMLError.invalid("tag '\(name)' is not a local tag (like !Ref)", mark: mark)
        }
        return .local(Tag(name))
    }
}

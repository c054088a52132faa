/// Where in a value a change is: `GlobalSecondaryIndexes[message-group-sk-index].KeySchema`.
public struct PropertyPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        /// A mapping key.
        case key(String)
        /// A list position, for lists whose items have no name.
        case index(Int)
        /// A list item found by its name (IndexName, PolicyName, Key, ...), so that
        /// inserting an item does not show as a change of every later one.
        case item(String)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = PropertyPath()

    public var isEmpty: Bool { components.isEmpty }

    public func appending(_ component: Component) -> PropertyPath {
        PropertyPath(components + [component])
    }

    /// The first key, e.g. the property name of a resource property path.
    public var firstKey: String? {
        if case .key(let key)? = components.first { return key }
        return nil
    }

    public func dropFirst(_ count: Int = 1) -> PropertyPath {
        PropertyPath(Array(components.dropFirst(count)))
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            case .item(let name): text += "[\(name)]"
            }
        }
        return text
    }
}

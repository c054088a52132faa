import Synchronization

/// What CloudFormation says about every resource type: generated from the resource provider
/// schemas that cfn-lint ships (scripts/generate-catalog), embedded in the binary, and
/// decoded one type at a time, when a template first uses it.
public enum ResourceCatalog {
    private static let cache = Mutex<[String: ResourceTypeInfo?]>([:])

    /// The type's facts, or nil for a type the schemas do not have (a custom resource, a
    /// module, a type newer than the catalog, a misspelling).
    public static func type(named name: String) -> ResourceTypeInfo? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let info = CatalogBlob.embedded.record(named: name).map { ResourceTypeInfo(name: name, record: $0) }
        cache.withLock { $0[name] = .some(info) }
        return info
    }

    /// The properties' shape of a type, built on first use and kept (with the type: a
    /// dictionary keyed by type name hashed the name at every resource).
    public static func propertiesShape(of type: ResourceTypeInfo) -> ValueShape {
        type.keptPropertiesShape()
    }

    /// Every type name, sorted.
    public static var typeNames: [String] {
        let blob = CatalogBlob.embedded
        return (0..<blob.typeCount).map(blob.typeName(at:))
    }

    /// Types whose names are close to `name`, closest first: for "did you mean" in messages.
    public static func suggestions(for name: String, limit: Int = 3) -> [String] {
        NameSuggestion.closest(to: name, among: typeNames, limit: limit)
    }
}

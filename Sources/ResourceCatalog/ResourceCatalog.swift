import Synchronization

/// What CloudFormation says about every resource type: generated from the resource provider
/// schemas that cfn-lint ships (scripts/generate-catalog), embedded in the binary, and
/// decoded one type at a time, when a template first uses it.
public enum ResourceCatalog {
    private static let cache = Mutex<[String: ResourceTypeInfo?]>([:])
    private static let shapes = Mutex<[String: ValueShape]>([:])

    /// The type's facts, or nil for a type the schemas do not have (a custom resource, a
    /// module, a type newer than the catalog, a misspelling).
    public static func type(named name: String) -> ResourceTypeInfo? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let info = CatalogBlob.embedded.record(named: name).map { ResourceTypeInfo(name: name, record: $0) }
        cache.withLock { $0[name] = .some(info) }
        return info
    }

    /// The properties' shape of a type, built on first use and kept.
    public static func propertiesShape(of type: ResourceTypeInfo) -> ValueShape {
        if let cached = shapes.withLock({ $0[type.name] }) { return cached }
        let shape = type.propertiesShape()
        return shapes.withLock { cache in
            if let raced = cache[type.name] { return raced }
            cache[type.name] = shape
            return shape
        }
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

import InfraYAML
import Testing

/// The YAML for one document holding `node`.
func yaml(_ node: Node, options: Emitter.Options = .init()) throws -> String {
    try Emitter(options: options).emit(node)
}

/// Expects `node` to be written exactly as `expected` (failures show both texts).
func expectYAML(
    _ node: Node,
    _ expected: String,
    options: Emitter.Options = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let written = try yaml(node, options: options)
    #expect(written == expected, sourceLocation: sourceLocation)
}

/// The YAML for `{v: node}`, the common case of a value inside a mapping.
func yamlValue(_ node: Node) throws -> String {
    try yaml(.mapping(Mapping([("v", node)])))
}

/// A mapping node from pairs (tests only use distinct keys).
func map(_ pairs: [(String, Node)], tag: InfraYAML.Tag? = nil) throws -> Node {
    .mapping(try Mapping(pairs, tag: tag))
}

/// Code-point equality: Swift's `==` on strings is canonical equivalence, which would hide
/// a reader that normalizes.
func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
}

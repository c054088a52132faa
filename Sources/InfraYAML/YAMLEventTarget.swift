/// Something a producer hands a document to one event at a time, in document order: the
/// emitter (``YAMLEventStream``, no tree is built) or a ``NodeTreeBuilder`` (a ``Node`` tree).
/// Both end in the same document: a renderer written once against this protocol writes
/// exactly the bytes its tree would.
///
/// A mapping's entries are `key(_:)` followed by one value each; a key that the mapping
/// already holds throws ``YAMLError/duplicateKey(_:mark:)`` once its value has been given,
/// as ``Mapping/append(_:_:)`` does for a value built first.
public protocol YAMLEventTarget: ~Copyable {
    /// `expectedKeys`: how many keys the mapping will have, when known (0 otherwise); a hint
    /// for the tree builder's storage, never a limit.
    mutating func beginMapping(tag: Tag?, expectedKeys: Int) throws(YAMLError)
    /// A mapping whose `count` keys the producer knows to be distinct by exact code points (a
    /// value that keeps its keys distinct, like CloudFormation's `Fields`): no duplicate can be
    /// found, so a target may skip looking for one. Otherwise as `beginMapping(tag:expectedKeys:)`.
    mutating func beginMapping(tag: Tag?, distinctKeys count: Int) throws(YAMLError)
    mutating func key(_ key: String) throws(YAMLError)
    mutating func endMapping() throws(YAMLError)
    mutating func beginSequence(tag: Tag?) throws(YAMLError)
    mutating func endSequence() throws(YAMLError)
    mutating func scalar(_ scalar: Scalar) throws(YAMLError)
}

extension YAMLEventTarget where Self: ~Copyable {
    public mutating func beginMapping(tag: Tag?) throws(YAMLError) {
        try beginMapping(tag: tag, expectedKeys: 0)
    }

    /// A target that builds a tree checks every key anyway (``Mapping/append(_:_:)``).
    public mutating func beginMapping(tag: Tag?, distinctKeys count: Int) throws(YAMLError) {
        try beginMapping(tag: tag, expectedKeys: count)
    }
}

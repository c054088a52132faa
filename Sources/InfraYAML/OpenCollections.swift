/// The collections open while a document is handed over event by event, and the keys of the
/// open mappings, to refuse a duplicate key as ``Mapping/append(_:_:)`` does: compared by
/// exact code points, and only once the key's value is complete (a tree's value is built
/// before its key is added, so an error inside the value comes first).
struct OpenCollections {
    /// Plain values only (no reference to count), so that pushing, reading and popping a frame
    /// for every collection costs no retain, release or outlined copy.
    private struct Frame {
        /// The event index of a sequence's start; nil for a mapping.
        let sequenceStart: Int?
        /// Where the mapping's keys begin in `keys`.
        let keysStart: Int
        /// False for a mapping whose keys are known distinct: its keys are neither kept nor compared.
        let checksKeys: Bool
        /// The last of `keys` still waits for its value to complete.
        var hasPendingKey = false
        /// Whether the mapping's keys are hashed (the last of `indexes`, as mappings nest),
        /// once it outgrows `linearSearchLimit`.
        var isIndexed = false
    }

    private var frames: [Frame] = []
    /// The keys of every open mapping, innermost mapping's last.
    private var keys: [String] = []
    /// The hashed keys of the open mappings that outgrew the linear search, innermost last.
    private var indexes: [Set<ExactKey>] = []

    /// Up to this many keys a mapping's new key is compared with each in turn (as ``Mapping``).
    private static let linearSearchLimit = 12

    var isEmpty: Bool { frames.isEmpty }

    mutating func openMapping(checksKeys: Bool) {
        frames.append(Frame(sequenceStart: nil, keysStart: keys.count, checksKeys: checksKeys))
    }

    mutating func openSequence(startIndex: Int) {
        frames.append(Frame(sequenceStart: startIndex, keysStart: keys.count, checksKeys: false))
    }

    mutating func key(_ key: String) throws(YAMLError) {
        guard let last = frames.indices.last else {
            throw YAMLError.invalid("a mapping key outside a mapping", mark: nil)
        }
        // Only a mapping has a pending key, so this settles it before the check below, in the
        // order the checks always ran.
        if frames[last].hasPendingKey { try settlePendingKey(of: last) }
        guard frames[last].sequenceStart == nil else {
            throw YAMLError.invalid("a mapping key outside a mapping", mark: nil)
        }
        guard frames[last].checksKeys else { return }
        keys.append(key)
        frames[last].hasPendingKey = true
    }

    /// Closes the innermost collection, a mapping; `body` sees its keys in order (none for a
    /// mapping that does not check its keys).
    mutating func closeMapping(_ body: (ArraySlice<String>) -> Void = { _ in }) throws(YAMLError) {
        if let last = frames.indices.last, frames[last].hasPendingKey { try settlePendingKey(of: last) }
        guard let frame = frames.popLast(), frame.sequenceStart == nil else {
            throw YAMLError.invalid("a mapping end that closes no mapping", mark: nil)
        }
        body(keys[frame.keysStart...])
        if frame.isIndexed { indexes.removeLast() }
        if keys.count > frame.keysStart { keys.removeSubrange(frame.keysStart...) }
    }

    /// Closes the innermost collection, a sequence; returns its start's event index.
    mutating func closeSequence() throws(YAMLError) -> Int {
        guard let frame = frames.popLast(), let start = frame.sequenceStart else {
            throw YAMLError.invalid("a sequence end that closes no sequence", mark: nil)
        }
        return start
    }

    /// Compares the pending key of the mapping at `last` (the innermost) with its others.
    private mutating func settlePendingKey(of last: Int) throws(YAMLError) {
        frames[last].hasPendingKey = false
        let start = frames[last].keysStart
        let newest = keys.count - 1
        let key = keys[newest]
        if frames[last].isIndexed {
            guard indexes[indexes.count - 1].insert(ExactKey(key)).inserted else {
                throw YAMLError.duplicateKey(key, mark: nil)
            }
            return
        }
        for position in start..<newest where ExactKey.same(keys[position], key) {
            throw YAMLError.duplicateKey(key, mark: nil)
        }
        if newest - start + 1 > Self.linearSearchLimit {
            frames[last].isIndexed = true
            indexes.append(Set(keys[start...].map(ExactKey.init)))
        }
    }
}

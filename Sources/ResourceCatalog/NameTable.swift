/// Names -> their positions, for the look-ups that validation makes at every key of a
/// template (a schema's declared properties) and at every reference (logical IDs). Open addressing on an FNV-1a hash of an ASCII
/// name's bytes: `Dictionary`'s SipHash cost about 400 instructions a look-up.
///
/// Swift compares strings by canonical equivalence, under which a non-ASCII name can equal
/// an ASCII one (KELVIN SIGN is K); two ASCII strings are equal exactly when their bytes
/// are. So the table answers for an ASCII name when every name is ASCII (as the schemas'
/// are), and anything else is found by comparing in turn, as `Dictionary` would find it.
package struct NameTable: Sendable {
    private let names: [String]
    /// Position + 1 of the name in each slot; 0 for an empty slot. Empty: compare in turn.
    private let slots: [Int32]
    private let mask: Int

    /// The first of repeated names keeps its position.
    package init(_ names: [String]) {
        self.names = names
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (position, name) in names.enumerated() {
            guard let hash = Self.asciiHash(name) else {
                slots = []
                break
            }
            var slot = hash & mask
            var repeated = false
            while slots[slot] != 0 {
                if names[Int(slots[slot]) - 1] == name { repeated = true; break }
                slot = (slot + 1) & mask
            }
            if !repeated { slots[slot] = Int32(position + 1) }
        }
        self.slots = slots
    }

    package func position(of name: String) -> Int? {
        guard !slots.isEmpty, let hash = Self.asciiHash(name) else { return names.firstIndex(of: name) }
        var slot = hash & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if names[position] == name { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a of the name's bytes; nil when one is not ASCII. Read from contiguous storage:
    /// iterating `utf8` cost about 30 instructions a byte.
    private static func asciiHash(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { bytes -> Int? in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }
}

import CResourceCatalog

/// The embedded catalog bytes, read in place: the header and the type index are read on
/// each look-up, and a type's record is decoded only when that type is asked for.
/// Format: see scripts/generate-catalog.
struct CatalogBlob: @unchecked Sendable {
    // The bytes are a constant of the binary: never freed, never written.
    private let bytes: UnsafeBufferPointer<UInt8>

    static let embedded = CatalogBlob(bytes: UnsafeBufferPointer(start: infra_catalog_bytes(), count: Int(infra_catalog_size())))

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        precondition(bytes.count > 16 && Array(bytes[0..<8]) == Array("INFRACT1".utf8),
                     "the embedded resource catalog is damaged: run scripts/generate-catalog")
    }

    private func u32(_ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    private var stringCount: Int { u32(8) }
    private var typeTable: Int { 12 + 8 * stringCount }
    var typeCount: Int { u32(typeTable) }

    private func stringBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = 12 + 8 * index
        return UnsafeBufferPointer(rebasing: bytes[u32(entry)..<(u32(entry) + u32(entry + 4))])
    }

    func string(_ index: Int) -> String {
        String(decoding: stringBytes(index), as: UTF8.self)
    }

    private func typeEntry(_ index: Int) -> (name: Int, offset: Int, length: Int) {
        let entry = typeTable + 4 + 12 * index
        return (u32(entry), u32(entry + 4), u32(entry + 8))
    }

    func typeName(at index: Int) -> String { string(typeEntry(index).name) }

    /// The type's record, found by binary search over names sorted by UTF-8 bytes.
    func record(named name: String) -> CatalogValue? {
        var name = name
        return name.withUTF8 { key -> CatalogValue? in
            var low = 0
            var high = typeCount - 1
            while low <= high {
                let middle = (low + high) / 2
                let entry = typeEntry(middle)
                let order = Self.compare(stringBytes(entry.name), key)
                if order == 0 {
                    var reader = RecordReader(blob: self, position: entry.offset, end: entry.offset + entry.length)
                    return reader.value()
                }
                if order < 0 { low = middle + 1 } else { high = middle - 1 }
            }
            return nil
        }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count - b.count
    }

    /// Reads one record; the generator wrote it, so a malformed byte is a damaged build.
    private struct RecordReader {
        let blob: CatalogBlob
        var position: Int
        let end: Int

        mutating func byte() -> UInt8 {
            precondition(position < end, "the embedded resource catalog is damaged: run scripts/generate-catalog")
            defer { position += 1 }
            return blob.bytes[position]
        }

        mutating func varint() -> Int {
            var result = 0
            var shift = 0
            while true {
                let next = byte()
                result |= Int(next & 0x7F) << shift
                if next & 0x80 == 0 { return result }
                shift += 7
            }
        }

        mutating func value() -> CatalogValue {
            switch byte() {
            case 0: return .null
            case 1: return .boolean(false)
            case 2: return .boolean(true)
            case 3:
                let zigzag = varint()
                return .integer(zigzag & 1 == 0 ? zigzag >> 1 : -(zigzag >> 1) - 1)
            case 4: return .number(blob.string(varint()))
            case 5: return .string(blob.string(varint()))
            case 6:
                let count = varint()
                var items: [CatalogValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(value()) }
                return .array(items)
            case 7:
                let count = varint()
                var entries: [(String, CatalogValue)] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let key = blob.string(varint())
                    entries.append((key, value()))
                }
                return .object(entries)
            default:
                preconditionFailure("the embedded resource catalog is damaged: run scripts/generate-catalog")
            }
        }
    }
}

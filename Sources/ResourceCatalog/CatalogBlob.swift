import CResourceCatalog
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded catalog bytes, read in place: the header and the type index are read on
/// each look-up, and a type's record is decoded only where it is read (`CatalogValue`).
/// Format: see scripts/generate-catalog.
struct CatalogBlob: @unchecked Sendable {
    // The bytes are a constant of the binary: never freed, never written.
    private let bytes: UnsafeBufferPointer<UInt8>

    static let embedded = CatalogBlob(bytes: UnsafeBufferPointer(start: infra_catalog_bytes(), count: Int(infra_catalog_size())))

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        precondition(bytes.count > 16 && Array(bytes[0..<8]) == Array("INFRACT2".utf8),
                     "the embedded resource catalog is damaged: run scripts/generate-catalog")
    }

    private func u32(_ offset: Int) -> Int {
        precondition(offset >= 0 && offset + 4 <= bytes.count, "the embedded resource catalog is damaged: run scripts/generate-catalog")
        return Int(UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
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

    /// Whether string `index` is `other`, compared as bytes (no String is made).
    func stringEquals(_ index: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = 12 + 8 * index
        guard u32(entry + 4) == other.count else { return false }
        let own = stringBytes(index)
        return other.isEmpty || memcmp(own.baseAddress!, other.baseAddress!, other.count) == 0
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
                    var position = entry.offset
                    return value(at: &position)
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

    // MARK: - Records
    // A malformed byte is a damaged build: the generator wrote every record.

    private func byte(at position: inout Int) -> UInt8 {
        precondition(position < bytes.count, "the embedded resource catalog is damaged: run scripts/generate-catalog")
        defer { position += 1 }
        return bytes[position]
    }

    func varint(at position: inout Int) -> Int {
        var result = 0
        var shift = 0
        while true {
            let next = byte(at: &position)
            result |= Int(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// The value at `position`, moving past it; a list or an object is a view of its bytes
    /// (its byte length, written after its count, says where it ends).
    func value(at position: inout Int) -> CatalogValue {
        switch byte(at: &position) {
        case 0: return .null
        case 1: return .boolean(false)
        case 2: return .boolean(true)
        case 3:
            let zigzag = varint(at: &position)
            return .integer(zigzag & 1 == 0 ? zigzag >> 1 : -(zigzag >> 1) - 1)
        case 4: return .number(string(varint(at: &position)))
        case 5: return .string(string(varint(at: &position)))
        case 6:
            let count = varint(at: &position)
            let length = varint(at: &position)
            defer { position += length }
            return .array(CatalogItems(blob: self, start: position, count: count))
        case 7:
            let count = varint(at: &position)
            let length = varint(at: &position)
            defer { position += length }
            return .object(CatalogEntries(blob: self, start: position, count: count))
        default:
            preconditionFailure("the embedded resource catalog is damaged: run scripts/generate-catalog")
        }
    }

    /// Moves past the value at `position` without decoding it.
    func skipValue(at position: inout Int) {
        switch byte(at: &position) {
        case 0, 1, 2: return
        case 3, 4, 5: _ = varint(at: &position)
        case 6, 7:
            _ = varint(at: &position)
            position += varint(at: &position)
        default:
            preconditionFailure("the embedded resource catalog is damaged: run scripts/generate-catalog")
        }
    }
}

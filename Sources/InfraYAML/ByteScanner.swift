/// A forward-only cursor over UTF-8 bytes, for the hand-written matchers.
struct ByteScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The bytes not yet consumed.
    var remaining: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[min(position, bytes.count)...])
    }

    func peek(at offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance(by count: Int = 1) {
        position += count
    }

    /// Consumes `byte` when it is next; says whether it did.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Consumes every leading byte that matches; says whether there was at least one.
    @discardableResult
    mutating func skipAll(where matches: (UInt8) -> Bool) -> Bool {
        let start = position
        while position < bytes.count, matches(bytes[position]) {
            position += 1
        }
        return position > start
    }

    /// Consumes exactly `count` ASCII digits, or nothing.
    mutating func skipDigits(exactly count: Int) -> Bool {
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where !isDigit(bytes[position + offset]) {
            return false
        }
        position += count
        return true
    }

    /// Consumes up to `limit` ASCII digits; returns how many.
    mutating func skipDigits(upTo limit: Int) -> Int {
        var taken = 0
        while taken < limit, position < bytes.count, isDigit(bytes[position]) {
            position += 1
            taken += 1
        }
        return taken
    }
}

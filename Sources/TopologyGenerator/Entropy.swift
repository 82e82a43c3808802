/// Where the generator's decisions come from: a seeded pseudo-random stream (tests) or the bytes
/// of a fuzz input (harnesses). Every decision reads whole bytes, so a fuzzer's byte mutations map
/// onto structural changes, and an exhausted input reads as zeros (the smallest choice) instead of
/// looping: `Int.random(in:using:)` rejection-samples and would never end on a stream of zeros.
public protocol Entropy {
    mutating func byte() -> UInt8
}

extension Entropy {
    /// A number in `0..<upperBound` (0 when `upperBound <= 1`); modulo bias is irrelevant here.
    public mutating func below(_ upperBound: Int) -> Int {
        guard upperBound > 1 else { return 0 }
        var value = 0, range = 1
        while range < upperBound {
            value = value << 8 | Int(byte())
            range <<= 8
        }
        return value % upperBound
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}

/// SplitMix64: a tiny, well-mixed, seedable stream; the same seed gives the same bytes everywhere.
public struct SeededEntropy: Entropy {
    var state: UInt64
    var buffer: UInt64 = 0
    var left = 0

    public init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func byte() -> UInt8 {
        if left == 0 {
            buffer = next()
            left = 8
        }
        defer { buffer >>= 8; left -= 1 }
        return UInt8(truncatingIfNeeded: buffer)
    }
}

/// The bytes of a fuzz input, then zeros.
public struct ByteEntropy: Entropy {
    let bytes: [UInt8]
    var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isExhausted: Bool { position >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// Up to `count` raw bytes (fewer at the end of the input).
    public mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, position + max(0, count))
        defer { position = end }
        return Array(bytes[min(position, end)..<end])
    }
}

import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for the manifest's content hashes. Self-written: the package has no crypto
/// dependency, and this is all it needs (no secrets, no timing concerns). On CPUs with the SHA
/// extensions the blocks go through them (`CSHA256`, ~25 times fewer instructions); elsewhere, or
/// when asked (`portable`, for the tests that compare both), through the Swift code here.
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes not yet hashed (less than one 64-byte block).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// The round constants, from the C table the hardware code uses.
    private static let k: [UInt32] = withUnsafeBytes(of: vpcg_sha256_k) { Array($0.bindMemory(to: UInt32.self)) }

    /// Whether blocks go through the CPU's SHA extensions.
    public let usesHardware: Bool

    /// `portable`: the Swift code even where the CPU has the SHA extensions.
    public init(portable: Bool = false) {
        usesHardware = !portable && Self.hardware
    }

    private static let hardware = vpcg_sha256_hardware() == 1

    /// The hex digest of `data`.
    public static func hex(_ data: Data) -> String {
        var hash = SHA256()
        hash.update(data)
        return hash.finalHex()
    }

    public static func hex(_ text: String) -> String { hex(Data(text.utf8)) }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in update(raw.bindMemory(to: UInt8.self)) }
    }

    public mutating func update(_ text: String) { update(Data(text.utf8)) }

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending += bytes[0..<take]
            offset = take
            if pending.count < 64 { return }
            pending.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(base + offset, blocks: blocks)
            offset += blocks * 64
        }
        if offset < bytes.count { pending += bytes[offset...] }
    }

    /// The digest as 64 lower-case hex digits (the hash cannot be updated afterwards).
    public mutating func finalHex() -> String {
        let bits = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: $0.count / 64) }
        pending = []
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for word in state {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hashes `blocks` consecutive 64-byte blocks. State, constants and the message schedule live
    /// in unsafe buffers: array bounds checks and copy-on-write checks made this five times slower.
    private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
        if usesHardware {
            state.withUnsafeMutableBufferPointer { vpcg_sha256_blocks($0.baseAddress!, data, blocks) }
            return
        }
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        let k = Self.k
        state.withUnsafeMutableBufferPointer { state in
            k.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    for blockIndex in 0..<blocks {
                        let block = data + 64 * blockIndex
                        for i in 0..<16 {
                            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
                        }
                        for i in 16..<64 {
                            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var a = state[0], b = state[1], c = state[2], d = state[3]
                        var e = state[4], f = state[5], g = state[6], h = state[7]
                        for i in 0..<64 {
                            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            let t2 = s0 &+ maj
                            h = g; g = f; f = e; e = d &+ t1
                            d = c; c = b; b = a; a = t1 &+ t2
                        }
                        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
                        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
                    }
                }
            }
        }
    }
}

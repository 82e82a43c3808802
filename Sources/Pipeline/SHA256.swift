import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for the manifest's content hashes. Self-written: the package has no crypto
/// dependency, and this is all it needs (no secrets, no timing concerns). The padding is here; the
/// block compression is C (`CSHA256`): with the CPU's SHA extensions where it has them, portable
/// code elsewhere or when asked (`portable`, for the tests that compare both).
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes not yet hashed (less than one 64-byte block).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// Whether blocks go through the CPU's SHA extensions.
    public let usesHardware: Bool

    /// `portable`: the portable code even where the CPU has the SHA extensions.
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

    /// Hashes `blocks` consecutive 64-byte blocks, with the SHA extensions or the portable C code.
    private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
        let hardware = usesHardware
        state.withUnsafeMutableBufferPointer { state in
            if hardware {
                vpcg_sha256_blocks(state.baseAddress!, data, blocks)
            } else {
                vpcg_sha256_blocks_portable(state.baseAddress!, data, blocks)
            }
        }
    }
}

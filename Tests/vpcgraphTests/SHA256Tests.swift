import Foundation
import Pipeline
import Testing

/// The manifest's hash against FIPS 180-4's examples and `sha256sum`.
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The SHA extensions (where the CPU has them) and the portable C code give the same digests,
    /// at every length around the block and padding boundaries, in one piece or many.
    @Test func hardwareAndPortableAgree() {
        let data = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 3) })
        for length in Array(0...200) + [511, 512, 513, 1000, 4095, 4096, 4097, 5000] {
            var fast = SHA256(), portable = SHA256(portable: true)
            fast.update(data.prefix(length))
            portable.update(data.prefix(length))
            #expect(fast.finalHex() == portable.finalHex(), "length \(length)")
            var pieces = SHA256()
            for start in stride(from: 0, to: length, by: 37) { pieces.update(data[start..<min(start + 37, length)]) }
            #expect(pieces.finalHex() == SHA256.hex(data.prefix(length)), "length \(length) in pieces")
        }
        var million = SHA256(portable: true)
        million.update(Data(repeating: 0x61, count: 1_000_000))
        #expect(!million.usesHardware)
        #expect(million.finalHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesHashLikeTheWhole() throws {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for cut in [0, 1, 55, 56, 63, 64, 65, 500, 999, 1000] {
            var hash = SHA256()
            hash.update(data.prefix(cut))
            hash.update(data.dropFirst(cut))
            #expect(hash.finalHex() == SHA256.hex(data), "cut at \(cut)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try data.write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [dir.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.prefix(64) == SHA256.hex(data))
    }
}

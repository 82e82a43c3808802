/// `Fn::Base64`: standard Base64 (RFC 4648, with `=` padding) of the string's UTF-8 bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let chunk = bytes[i..<min(i + 3, bytes.count)]
            let b = Array(chunk) + Array(repeating: 0, count: 3 - chunk.count)
            let n = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
            for k in 0..<4 {
                out.append(k <= chunk.count ? alphabet[Int((n >> UInt32(18 - 6 * k)) & 63)] : "=")
            }
            i += 3
        }
        return out
    }
}

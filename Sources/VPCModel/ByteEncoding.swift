/// Writes bytes a context cannot hold as a marker and two hex digits: `%2F` in a URL, `_2F` in a
/// file name. One loop for both, so the two encodings cannot drift apart.
public enum ByteEncoding {
    /// `text` with every UTF-8 byte that `keep` refuses (given its offset and value) written as
    /// `marker` and two upper-case hex digits.
    public static func encode(_ text: String, marker: Unicode.Scalar, keep: (Int, UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = ""
        for (offset, byte) in text.utf8.enumerated() {
            if keep(offset, byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.unicodeScalars.append(marker)
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}

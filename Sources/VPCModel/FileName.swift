/// The one way a resource id becomes part of a file name (a VPC's own diagram,
/// `<name>.<vpc id>.svg`): letters, digits, `-` and `.` stay, every other byte becomes `_` and
/// two hex digits (`_` itself too, so two ids never share a name), and a leading `.` is encoded
/// as well — so the result is never empty, never `.` or `..`, never hidden, and never holds a `/`.
/// Every AWS id comes out as it is.
public enum FileName {
    public static func component(_ id: String) -> String {
        if let first = id.utf8.first, first != UInt8(ascii: "."), id.utf8.allSatisfy(isKept) { return id }
        if id.isEmpty { return "_" }
        var out = ""
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for (index, byte) in id.utf8.enumerated() {
            if isKept(byte) && !(index == 0 && byte == UInt8(ascii: ".")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.unicodeScalars.append("_")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }
}

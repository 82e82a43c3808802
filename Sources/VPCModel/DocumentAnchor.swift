/// The fragment id a resource has in the Markdown documentation, which SVG nodes link to
/// (`name.md#<anchor>`): the resource's id itself, with any character other than an ASCII letter,
/// digit, `-`, `_` or `.` replaced by `-`, so it is the same in an HTML `id` attribute and a URL.
public enum DocumentAnchor {
    public static func id(for resourceID: String) -> String {
        // Almost every AWS id is already safe: return it as it is.
        if !resourceID.isEmpty && resourceID.utf8.allSatisfy(isSafe) { return resourceID }
        let safe = resourceID.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
            default: "-"
            }
        }
        return safe.isEmpty ? "-" : String(safe)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }
}

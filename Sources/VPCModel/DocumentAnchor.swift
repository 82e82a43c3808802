/// The fragment id a resource has in the Markdown documentation, which SVG nodes link to
/// (`name.md#<anchor>`): the resource's id itself, with any character other than an ASCII letter,
/// digit, `-`, `_` or `.` replaced by `-`, so it is the same in an HTML `id` attribute and a URL.
public enum DocumentAnchor {
    public static func id(for resourceID: String) -> String {
        let safe = resourceID.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
            default: "-"
            }
        }
        return safe.isEmpty ? "-" : String(safe)
    }
}

/// Strings that break naive escaping in DOT, SVG/XML, HTML, Markdown, YAML, JSON and printf-style
/// formatting, for the names of generated resources.
public enum HostileText {
    /// Fragments, each a known way to break one of the output languages.
    public static let fragments: [String] = [
        "\"", "\\", "\\\"", "\"\\", "'", "`",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)", "javascript:alert(1)",
        "]]>", "<![CDATA[", "<!--", "-->", "<?xml?>", "</svg>", "&amp;", "&", "&#0;", "&lt;", "<", ">",
        "\\N", "\\G", "\\L", "\\E", "\\T", "\\H", "\\l", "\\r", "\\n", "{", "}", "|", "[", "]", ";", "--",
        "%", "%s", "%n", "%d%d%d", "%%", "${x}", "$(id)",
        "\n", "\r\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{01}", "\u{08}", "\u{1F}",
        "\u{200F}", "\u{202E}", "\u{200E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{AD}",
        "🚀", "👨‍👩‍👧‍👦", "🇪🇺", "é", "e\u{301}", "中文", "עברית", "العربية", "\u{10FFFD}",
        "# comment", ": ", "- ", "*bold*", "_em_", "[link](javascript:alert(1))", "| a | b |", "<br>",
        "../", "/", " ", "  ", "",
    ]

    /// A name: usually short and hostile, sometimes a plain word, rarely (1 in 40) very long.
    public static func name(_ entropy: inout some Entropy, plain: String) -> String {
        switch entropy.below(40) {
        case 0: return long(&entropy)
        case 1...8: return plain
        default:
            var text = entropy.chance(50) ? plain : ""
            for _ in 0..<entropy.int(in: 1...4) { text += entropy.pick(fragments) }
            if entropy.chance(30) { text += plain }
            return text
        }
    }

    /// Thousands of characters, from a repeated fragment (the overview once crashed on 10,000).
    public static func long(_ entropy: inout some Entropy) -> String {
        let unit = entropy.pick(["x", "long-name-", "\\\"", "&amp;", "🚀", "<b>", "\u{202E}a", "%s"])
        let length = entropy.pick([300, 1_000, 10_000])
        let scalars = unit.unicodeScalars.count
        return String(repeating: unit, count: (length + scalars - 1) / scalars)
    }
}

/// YAML double-quoted scalars that round-trip any string: everything outside YAML's printable set
/// (controls, DEL, C1, BOM, U+2028/2029, noncharacters) becomes an escape.
public enum YAMLText {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            case 0xA0...0xD7FF where scalar.value != 0x2028 && scalar.value != 0x2029,
                 0xE000...0xFFFD where scalar.value != 0xFEFF,
                 0x10000...0x10FFFF where scalar.value & 0xFFFE != 0xFFFE:
                out.unicodeScalars.append(scalar)
            case 0...0xFFFF: out += "\\u" + hex(scalar.value, 4)
            default: out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

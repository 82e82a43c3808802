/// Escaping of text from the input (names, descriptions, ids) for the places it lands in a
/// Markdown document. Every form is safe inside a GFM table cell: one line, no unescaped `|`,
/// and no raw HTML.
public enum MarkdownEscaping {
    /// Inline text: newlines become spaces; characters that start Markdown or HTML syntax are
    /// backslash-escaped (`\ ` * _ [ ] < > | & ~ # !`). `_` between letters or digits is left alone,
    /// where it cannot start emphasis.
    public static func text(_ raw: String) -> String {
        if raw.utf8.allSatisfy(isPlain) { return raw }
        let chars = Array(oneLine(raw))
        var out = ""
        out.reserveCapacity(chars.count + 8)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "&", "~", "#", "!":
                out.append("\\")
            case "_":
                let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                if !(before && after) { out.append("\\") }
            default:
                break
            }
            out.append(c)
        }
        return out
    }

    /// A code span. Inside a GFM table a `|` must be written `\|` even in code, which outside a
    /// table would show the backslash; so text holding a `|` is written as escaped text instead,
    /// which reads the same in both places.
    public static func code(_ raw: String) -> String {
        // Printable ASCII without backticks, pipes or breaks: one backtick each side.
        let utf8 = raw.utf8
        if let first = utf8.first, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: "|") }),
           !(first == UInt8(ascii: " ") && utf8.last == UInt8(ascii: " ")) {
            return "`" + raw + "`"
        }
        let content = oneLine(raw)
        if content.isEmpty { return "" }
        if content.contains("|") { return text(content) }
        var longest = 0, run = 0
        for c in content {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") || (content.hasPrefix(" ") && content.hasSuffix(" ")) ? " " : ""
        return fence + pad + content + pad + fence
    }

    /// Text for HTML content (`<summary>`, `<pre>`): `&`, `<`, `>`, `"` and `'` as entities.
    public static func html(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.count)
        for c in raw {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A relative link destination: every byte outside `A-Z a-z 0-9 - . _ ~ /` percent-encoded.
    public static func url(_ raw: String) -> String {
        var out = ""
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Printable ASCII that `text` leaves as it is.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"),
             UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "%"),
             UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// Line breaks (and tabs) as single spaces, so a value never ends a table row or a list item.
    static func oneLine(_ raw: String) -> String {
        guard raw.contains(where: { $0.isNewline || $0 == "\t" }) else { return raw }
        var out = ""
        var lastWasBreak = false
        for c in raw {
            if c.isNewline || c == "\t" {
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = true
            } else {
                out.append(c)
                lastWasBreak = false
            }
        }
        return out
    }
}

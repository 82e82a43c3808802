/// Builds Graphviz HTML-like labels with escaped text: an optional icon cell of fixed size on the
/// left, then lines of text, left-aligned.
struct Label {
    static let iconSize = 20

    let icon: Icon?
    let style: Style
    private var lines: [String] = []
    var iconSize = Label.iconSize

    init(icon: Icon?, style: Style) {
        self.icon = icon
        self.style = style
    }

    static func escape(_ text: String) -> String {
        let special: Set<UInt8> = [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard text.utf8.contains(where: special.contains) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A first line, larger. Not bold: Graphviz's built-in font metrics do not widen bold text,
    /// so bold labels would overflow their boxes.
    mutating func title(_ text: String, size: Int = 11) {
        lines.append("<font point-size=\"\(size)\" color=\"\(style.palette.text)\">\(Label.escape(text))</font>")
    }

    /// A plain line.
    mutating func line(_ text: String) { lines.append(Label.escape(text)) }

    /// A smaller, grey line (ids, kinds).
    mutating func detail(_ text: String, size: Int = 8) {
        lines.append("<font point-size=\"\(size)\" color=\"\(style.palette.detail)\">\(Label.escape(text))</font>")
    }

    /// A DNS name, broken at dots into lines of at most `width` characters.
    mutating func dnsName(_ name: String, width: Int = 34) {
        for part in Label.breakAtDots(name, width: width) {
            lines.append("<font point-size=\"8\">\(Label.escape(part))</font>")
        }
    }

    static func breakAtDots(_ name: String, width: Int) -> [String] {
        var parts: [String] = []
        var current = ""
        for piece in name.split(separator: ".", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(piece) : current + "." + piece
            if candidate.count > width && !current.isEmpty {
                parts.append(current + ".")
                current = String(piece)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    var isEmpty: Bool { lines.isEmpty }

    /// The HTML of the text lines alone.
    var text: String { lines.joined(separator: "<br/>") }

    var value: AttributeValue { .html(html) }

    var html: String {
        guard let icon, let cell = Label.iconCell(icon, size: iconSize, rendering: style.icons) else { return text }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
            + cell + "<td width=\"6\"></td><td align=\"left\" balign=\"left\">\(text)</td></tr></table>"
    }

    /// The table cell an icon occupies, or nil when icons are off.
    static func iconCell(_ icon: Icon, size: Int, rendering: IconRendering) -> String? {
        switch rendering {
        case .placeholder:
            return "<td fixedsize=\"true\" width=\"\(size)\" height=\"\(size)\" bgcolor=\"\(icon.placeholderColor)\"></td>"
        case .images(let directory):
            return "<td fixedsize=\"true\" width=\"\(size)\" height=\"\(size)\"><img src=\"\(escape(directory))/\(icon.rawValue).svg\" scale=\"true\"/></td>"
        case .none:
            return nil
        }
    }
}

/// Text for tooltips and other plain-string attributes, one line per fact. Lines are joined with
/// Graphviz's `\n` escape (not a newline character) so the DOT text and the in-process graph hold
/// the same bytes; a backslash in user text, which Graphviz would read as an escape, is replaced.
func plain(_ lines: [String?]) -> AttributeValue {
    .string(lines.compactMap { $0.map(plainLine) }.joined(separator: "\\n"))
}

private func plainLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\u{29F5}"
        case "\n", "\r": out += " "
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

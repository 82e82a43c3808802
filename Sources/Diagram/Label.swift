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

    /// Text longer than this many characters is cut, with "…", in labels: no name can stretch
    /// the layout. Tooltips and the Markdown keep the whole text. Names (titles) are cut sooner
    /// than lines of facts (a VPC's CIDRs, an endpoint's service).
    static let maxLength = 100
    static let maxTitleLength = 64

    /// `text` cut to `limit` characters (and to twice as many Unicode scalars, so a character
    /// built of thousands of combining marks is cut too), ending in "…" when cut.
    static func shortened(_ text: String, limit: Int = maxLength) -> String {
        guard text.utf8.count > limit else { return text }
        var count = 0, scalars = 0
        var cut = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let n = text[index].unicodeScalars.count
            if count + 1 > limit || scalars + n > 2 * limit { return String(text[..<cut]) + "…" }
            count += 1
            scalars += n
            index = text.index(after: index)
            if count < limit && scalars < 2 * limit { cut = index }
        }
        return text
    }

    /// Text for an HTML-like label: shortened, with `&`, `<`, `>` and `"` as entities, line
    /// breaks as spaces and other control characters (which no output format can carry) as U+FFFD.
    static func escape(_ text: String, limit: Int = maxLength) -> String {
        let text = shortened(text, limit: limit)
        guard text.utf8.contains(where: { special($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default: out.unicodeScalars.append(DOTWriter.isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    private static func special(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }

    /// Text for a plain-string label (an edge's or a box's): shortened, on one line, without
    /// backslashes (Graphviz reads them as escapes) or control characters.
    static func plainText(_ text: String, limit: Int = maxLength) -> String {
        plainLine(shortened(text, limit: limit))
    }

    /// A first line, larger. Not bold: Graphviz's built-in font metrics do not widen bold text,
    /// so bold labels would overflow their boxes.
    mutating func title(_ text: String, size: Int = 11) {
        guard !text.isEmpty else { return }  // Graphviz 2.42 refuses an empty <font></font>
        lines.append("<font point-size=\"\(size)\" color=\"\(style.palette.text)\">\(Label.escape(text, limit: Label.maxTitleLength))</font>")
    }

    /// A plain line.
    mutating func line(_ text: String) { lines.append(Label.escape(text)) }

    /// A plain line at a given size.
    mutating func line(_ text: String, size: Int) {
        guard !text.isEmpty else { return }  // Graphviz 2.42 refuses an empty <font></font>
        lines.append("<font point-size=\"\(size)\">\(Label.escape(text))</font>")
    }

    /// A line of ready-made HTML (from the scene encoder, which escaped its text).
    mutating func raw(_ html: String) { lines.append(html) }

    /// A smaller, grey line (ids, kinds).
    mutating func detail(_ text: String, size: Int = 9) {
        guard !text.isEmpty else { return }  // Graphviz 2.42 refuses an empty <font></font>
        lines.append("<font point-size=\"\(size)\" color=\"\(style.palette.detail)\">\(Label.escape(text))</font>")
    }

    /// A DNS name, broken at dots into lines of at most `width` characters.
    mutating func dnsName(_ name: String, width: Int = 34, size: Int = 9) {
        for part in Label.breakAtDots(Label.shortened(name, limit: 4 * width), width: width) {
            lines.append("<font point-size=\"\(size)\">\(Label.escape(part))</font>")
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
            return "<td fixedsize=\"true\" width=\"\(size)\" height=\"\(size)\"><img src=\"\(escape(directory, limit: .max))/\(icon.rawValue).svg\" scale=\"true\"/></td>"
        case .none:
            return nil
        }
    }
}

/// A plain-string label of one or more lines (split at line breaks), each shortened and cleaned
/// like `Label.plainText`; the DOT writer writes the breaks as Graphviz's `\n`.
func plainLabel(_ text: String) -> AttributeValue {
    .string(text.split(separator: "\n", omittingEmptySubsequences: false).map { Label.plainText(String($0)) }.joined(separator: "\n"))
}

/// Text for tooltips, one line per fact, in full (not shortened). The DOT writer writes the line
/// breaks as Graphviz's `\n`; a backslash in user text, which Graphviz would read as an escape even
/// in a tooltip, is replaced by a look-alike (U+29F5), and control characters by U+FFFD.
func plain(_ lines: [String?]) -> AttributeValue {
    .string(lines.compactMap { $0.map(plainLine) }.joined(separator: "\n"))
}

func plainLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == UInt8(ascii: "\\") }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\u{29F5}"
        case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
        default: out.unicodeScalars.append(DOTWriter.isControl(scalar) ? "\u{FFFD}" : scalar)
        }
    }
    return out
}

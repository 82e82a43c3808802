/// Builds Graphviz HTML-like labels with escaped text.
struct Label {
    private var lines: [String] = []

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

    /// A first line, larger and darker. Not bold: Graphviz's built-in font metrics do not widen bold
    /// text, so bold labels would overflow their boxes.
    mutating func title(_ text: String) { lines.append("<font point-size=\"11\" color=\"#16191f\">\(Label.escape(text))</font>") }

    /// A plain line.
    mutating func line(_ text: String) { lines.append(Label.escape(text)) }

    /// A smaller, grey line (ids, kinds).
    mutating func detail(_ text: String) { lines.append("<font point-size=\"8\" color=\"#545b64\">\(Label.escape(text))</font>") }

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

    var value: AttributeValue { .html(lines.joined(separator: "<br/>")) }
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

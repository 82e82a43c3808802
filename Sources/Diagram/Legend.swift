/// The legend: one line per kind of icon and per subnet tier drawn, nothing for kinds absent.
enum Legend {
    static let nodeName = "legend"
    static let iconSize = 14

    static func node(icons: Set<Icon>, tiers: Set<SubnetTierStyle>, style: Style) -> DiagramNode? {
        var entries: [String] = []
        for icon in icons.sorted() {
            guard let cell = Label.iconCell(icon, size: iconSize, rendering: style.icons) else { continue }
            entries.append(cell + text(icon.title, style))
        }
        for tier in [SubnetTierStyle.public, .private, .isolated] where tiers.contains(tier) {
            let (fill, line) = style.tierColors(tier)
            let swatch = "<td fixedsize=\"true\" width=\"\(iconSize)\" height=\"\(iconSize - 4)\" bgcolor=\"\(fill)\" color=\"\(line)\" border=\"1\"></td>"
            entries.append(swatch + text("\(tier.rawValue) subnet", style))
        }
        guard !entries.isEmpty else { return nil }
        // Two entries per line once there are many, so the legend stays compact.
        let perLine = entries.count > 6 ? 2 : 1
        var rows = "<tr><td colspan=\"\(perLine * 3)\" align=\"left\"><font point-size=\"11\">Legend</font></td></tr>"
        for start in stride(from: 0, to: entries.count, by: perLine) {
            let line = entries[start..<min(start + perLine, entries.count)]
            rows += "<tr>" + line.joined() + String(repeating: "<td></td><td></td><td></td>", count: perLine - line.count) + "</tr>"
        }
        let html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"0\">\(rows)</table>"
        var a = Attributes([("id", .string("legend")), ("class", .string("legend")), ("shape", .string("box")),
                            ("style", .string("rounded,filled")), ("fillcolor", .string(style.palette.nodeFill)),
                            ("color", .string(style.palette.detail)), ("margin", .string("0.1,0.08"))])
        a["label"] = .html(html)
        a["tooltip"] = .string("legend")
        return DiagramNode(nodeName, a)
    }

    static func text(_ title: String, _ style: Style) -> String {
        "<td width=\"4\"></td><td align=\"left\"><font point-size=\"9\" color=\"\(style.palette.text)\">\(Label.escape(title))</font></td>"
    }
}

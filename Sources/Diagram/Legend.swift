/// The legend: one line per kind of icon, chip, subnet tier and edge drawn, nothing for kinds
/// absent. Each edge kind is drawn as a short line in its own style and colour.
enum Legend {
    static let nodeName = "legend"
    static let iconSize = 14

    static func node(_ content: LegendContent, style: Style) -> DiagramNode? {
        var entries: [String] = []
        // Scene node kinds by their own name; icons drawn without a scene kind by the icon's name.
        var iconsNamed: Set<Icon> = []
        for entry in content.nodes.sorted(by: { ($0.kind, $0.icon?.rawValue ?? "") < ($1.kind, $1.icon?.rawValue ?? "") }) {
            guard let icon = entry.icon, let cell = Label.iconCell(icon, size: iconSize, rendering: style.icons) else { continue }
            let title = entry.kind == .awsService ? icon.title : entry.kind.title
            // An external VPC's icon is the VPC's: the VPC boxes keep their own entry.
            if entry.kind != .externalVPC { iconsNamed.insert(icon) }
            entries.append(cell + text(title, style))
        }
        for icon in content.icons.sorted() where !iconsNamed.contains(icon) {
            guard let cell = Label.iconCell(icon, size: iconSize, rendering: style.icons) else { continue }
            entries.append(cell + text(icon.title, style))
        }
        // Kinds drawn without an icon that still need a word: a dashed box for a route target
        // that is not in the input.
        if content.nodes.contains(where: { $0.kind == .missingRouteTarget }) {
            let swatch = "<td fixedsize=\"true\" width=\"\(iconSize)\" height=\"\(iconSize - 4)\" color=\"\(style.palette.detail)\" border=\"1\" style=\"dashed\"></td>"
            entries.append(swatch + text(NodeKind.missingRouteTarget.title, style))
        }
        for kind in content.chips.sorted() {
            let encoder = SceneEncoder(style: style, detail: .standard)
            let (fill, line) = encoder.chipColors(kind)
            let swatch = "<td fixedsize=\"true\" width=\"\(iconSize)\" height=\"\(iconSize - 4)\" bgcolor=\"\(fill)\" color=\"\(line)\" border=\"1\"></td>"
            entries.append(swatch + text("\(kind.title) (in its subnet)", style))
        }
        let tiers = content.tiers
        for tier in [SubnetTierStyle.public, .private, .isolated] where tiers.contains(tier) {
            let (fill, line) = style.tierColors(tier)
            let swatch = "<td fixedsize=\"true\" width=\"\(iconSize)\" height=\"\(iconSize - 4)\" bgcolor=\"\(fill)\" color=\"\(line)\" border=\"1\"></td>"
            entries.append(swatch + text("\(tier.rawValue) subnet", style))
        }
        let encoder = SceneEncoder(style: style, detail: .standard)
        for kind in content.edges.sorted() {
            let look = encoder.look(kind)
            let dash = look.style.map { " style=\"\($0)\"" } ?? ""
            let width = Int((Double(look.penwidth ?? "1") ?? 1).rounded(.up))
            let head = ["normal": "▶", "tee": "|", "odot": "○"][look.arrowhead]
            let arrow = head.map { "<font point-size=\"9\" color=\"\(look.color)\">\($0)</font>" } ?? ""
            let sample = "<td><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td fixedsize=\"true\" width=\"\(iconSize + 6)\" height=\"7\" sides=\"b\" border=\"\(width)\" color=\"\(look.color)\"\(dash)></td><td width=\"6\">\(arrow)</td></tr></table></td>"
            entries.append(sample + text(kind.title, style))
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

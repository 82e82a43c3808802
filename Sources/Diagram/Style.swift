/// Colours and shapes per kind of resource, following AWS's usual diagram reading (region teal
/// dashed, VPC purple, public subnet green, private subnet blue, endpoints purple).
enum Style {
    static let font = "Helvetica"

    static func graph(title: String?) -> Attributes {
        var a = Attributes([
            ("id", .string("topology")), ("class", .string("topology")),
            ("fontname", .string(font)), ("fontsize", .string("16")),
            ("compound", .string("true")), ("newrank", .string("true")), ("rankdir", .string("TB")),
            ("nodesep", .string("0.25")), ("ranksep", .string("0.55")), ("pad", .string("0.3")),
            ("bgcolor", .string("white")),
        ])
        if let title {
            a["label"] = .html("<b>\(Label.escape(title))</b>")
            a["labelloc"] = .string("t")
        }
        return a
    }

    static let nodeDefaults = Attributes([
        ("fontname", .string(font)), ("fontsize", .string("10")), ("shape", .string("box")),
        ("style", .string("rounded,filled")), ("fillcolor", .string("white")), ("color", .string("#545b64")),
        ("margin", .string("0.12,0.05")),
    ])

    static let edgeDefaults = Attributes([
        ("fontname", .string(font)), ("fontsize", .string("9")), ("color", .string("#545b64")),
        ("fontcolor", .string("#232f3e")), ("arrowsize", .string("0.7")),
    ])

    /// Cluster attributes. Graphviz passes a cluster's attributes down to the clusters inside it,
    /// so every kind sets the same full set of keys rather than relying on defaults.
    static func cluster(_ kind: String, tier: SubnetTierStyle? = nil) -> Attributes {
        // style, pen colour, fill, pen width, font size, font colour, label position
        let look: (String, String, String, String, String, String, String)
        switch kind {
        case "region": look = ("dashed,rounded", "#00a4a6", "white", "1", "13", "#16191f", "l")
        case "vpc": look = ("rounded,filled", "#8c4fff", "#fbf8ff", "1.5", "12", "#16191f", "l")
        case "az": look = ("dashed,rounded", "#147eba", "white", "1", "10", "#147eba", "c")
        case "subnet":
            let (fill, line) = tier?.colors ?? ("#e6f2f8", "#147eba")
            look = ("rounded,filled", line, fill, "1", "10", "#16191f", "c")
        case "on-premises": look = ("rounded,filled", "#7d8998", "#f2f3f3", "1", "12", "#16191f", "l")
        default: look = ("rounded", "#545b64", "white", "1", "10", "#16191f", "c")
        }
        return Attributes([
            ("class", .string(tier.map { "\(kind) \($0.rawValue)" } ?? kind)), ("fontname", .string(font)),
            ("style", .string(look.0)), ("color", .string(look.1)), ("fillcolor", .string(look.2)), ("penwidth", .string(look.3)),
            ("fontsize", .string(look.4)), ("fontcolor", .string(look.5)), ("labeljust", .string(look.6)),
        ])
    }

    /// Fill and border per kind of node.
    static func node(_ kind: String) -> Attributes {
        let colors: [String: (String, String)] = [
            "internet-gateway": ("#f2f8e8", "#7aa116"),
            "nat-gateway": ("#f2f8e8", "#7aa116"),
            "vpn-gateway": ("#f5efff", "#8c4fff"),
            "route-table": ("#ffffff", "#8c4fff"),
            "interface-endpoint": ("#f5efff", "#8c4fff"),
            "gateway-endpoint": ("#f5efff", "#8c4fff"),
            "eni": ("#ffffff", "#8c4fff"),
            "resolver-endpoint": ("#fdf1f3", "#c7131f"),
            "resolver-ip": ("#ffffff", "#c7131f"),
            "aws-service": ("#fff6e5", "#ed7100"),
            "peering-connection": ("#f5efff", "#8c4fff"),
            "transit-gateway": ("#f5efff", "#8c4fff"),
            "hosted-zone": ("#fdf1f3", "#c7131f"),
            "on-premises-network": ("#ffffff", "#7d8998"),
            "dns-servers": ("#ffffff", "#7d8998"),
            "customer-gateway": ("#ffffff", "#7d8998"),
            "network-interface": ("#ffffff", "#545b64"),
        ]
        let (fill, line) = colors[kind] ?? ("#ffffff", "#545b64")
        return Attributes([("class", .string(kind)), ("fillcolor", .string(fill)), ("color", .string(line))])
    }
}

/// Subnet tiers as the style sees them.
enum SubnetTierStyle: String {
    case `public`, `private`, isolated

    var colors: (fill: String, line: String) {
        switch self {
        case .public: ("#eef5e6", "#7aa116")
        case .private: ("#e6f2f8", "#147eba")
        case .isolated: ("#f2f3f3", "#7d8998")
        }
    }
}

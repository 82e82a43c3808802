/// Colours, fonts and shapes per kind of resource, from a palette (see `Palette` for the reading).
/// Every colour the diagram uses comes from here or from `Label`, so a theme is just a palette.
struct Style: Sendable {
    static let font = "Helvetica"

    let palette: Palette
    /// How labels show icons.
    let icons: IconRendering

    /// Graph attributes. `transparent` leaves the background unpainted.
    func graph(title: String?, transparent: Bool = false) -> Attributes {
        var a = Attributes([
            ("id", .string("topology")), ("class", .string("topology")),
            ("fontname", .string(Style.font)), ("fontsize", .string("16")), ("fontcolor", .string(palette.text)),
            ("compound", .string("true")), ("newrank", .string("true")), ("rankdir", .string("TB")),
            ("nodesep", .string("0.25")), ("ranksep", .string("0.4")), ("pad", .string("0.3")),
            ("bgcolor", .string(transparent ? "transparent" : palette.background)),
        ])
        if let title {
            a["label"] = .html("<font point-size=\"18\">\(Label.escape(title))</font>")
            a["labelloc"] = .string("t")
        }
        return a
    }

    var nodeDefaults: Attributes {
        Attributes([
            ("fontname", .string(Style.font)), ("fontsize", .string("10")), ("fontcolor", .string(palette.text)),
            ("shape", .string("box")), ("style", .string("rounded,filled")), ("fillcolor", .string(palette.nodeFill)),
            ("color", .string(palette.detail)), ("margin", .string("0.1,0.05")),
        ])
    }

    var edgeDefaults: Attributes {
        Attributes([
            ("fontname", .string(Style.font)), ("fontsize", .string("9")), ("color", .string(palette.detail)),
            ("fontcolor", .string(palette.text)), ("arrowsize", .string("0.7")),
        ])
    }

    /// Cluster attributes. Graphviz passes a cluster's attributes down to the clusters inside it,
    /// so every kind sets the same full set of keys rather than relying on defaults.
    func cluster(_ kind: String, tier: SubnetTierStyle? = nil) -> Attributes {
        let p = palette
        // style, pen colour, fill, pen width, font size, font colour, label position
        let look: (String, String, String, String, String, String, String)
        switch kind {
        case "region": look = ("dashed,rounded,filled", p.regionLine, p.regionFill, "1.2", "13", p.text, "l")
        case "vpc": look = ("rounded,filled", p.vpcLine, p.vpcFill, "1.5", "12", p.text, "l")
        case "az": look = ("dashed,rounded", p.azLine, "none", "1", "10", p.azLine, "c")
        case "subnet":
            let (fill, line) = tier.map { tierColors($0) } ?? (p.privateFill, p.privateLine)
            look = ("rounded,filled", line, fill, "1", "10", p.text, "l")
        case "on-premises": look = ("rounded,filled", p.onPremisesLine, p.onPremisesFill, "1.2", "12", p.text, "l")
        case "legend": look = ("rounded,filled", p.detail, p.nodeFill, "1", "10", p.text, "l")
        default: look = ("rounded", p.detail, "none", "1", "10", p.text, "c")
        }
        return Attributes([
            ("class", .string(tier.map { "\(kind) \($0.rawValue)" } ?? kind)), ("fontname", .string(Style.font)),
            ("style", .string(look.0)), ("color", .string(look.1)), ("fillcolor", .string(look.2)), ("penwidth", .string(look.3)),
            ("fontsize", .string(look.4)), ("fontcolor", .string(look.5)), ("labeljust", .string(look.6)),
        ])
    }

    func tierColors(_ tier: SubnetTierStyle) -> (fill: String, line: String) {
        switch tier {
        case .public: (palette.publicFill, palette.publicLine)
        case .private: (palette.privateFill, palette.privateLine)
        case .isolated: (palette.isolatedFill, palette.isolatedLine)
        }
    }

    /// Fill and border per kind of node.
    func node(_ kind: String) -> Attributes {
        let p = palette
        let (fill, line): (String, String)
        switch kind {
        case "internet-gateway", "egress-only-internet-gateway", "nat-gateway": (fill, line) = (p.gatewayFill, p.gatewayLine)
        case "vpn-gateway", "interface-endpoint", "gateway-endpoint", "gateway-load-balancer-endpoint", "lattice-endpoint", "peering-connection", "transit-gateway", "direct-connect-gateway":
            (fill, line) = (p.networkFill, p.networkLine)
        case "route-table", "eni": (fill, line) = (p.nodeFill, p.networkLine)
        case "resolver-endpoint", "hosted-zone": (fill, line) = (p.dnsFill, p.dnsLine)
        case "resolver-ip": (fill, line) = (p.nodeFill, p.dnsLine)
        case "aws-service": (fill, line) = (p.serviceFill, p.serviceLine)
        case "on-premises-network", "dns-servers", "customer-gateway": (fill, line) = (p.nodeFill, p.onPremisesLine)
        case "vpc", "external-vpc": (fill, line) = (p.vpcFill, p.vpcLine)
        default: (fill, line) = (p.nodeFill, p.detail)
        }
        return Attributes([("class", .string(kind)), ("fillcolor", .string(fill)), ("color", .string(line))])
    }

    func label(_ icon: Icon?) -> Label { Label(icon: icon, style: self) }
}

/// How labels show icons.
public enum IconRendering: Sendable, Equatable {
    /// A placeholder rectangle that `SVGPostProcessor` replaces with the icon (SVG output).
    case placeholder
    /// An `<img>` of the icon file `<directory>/<name>.svg` (bitmap output through cairo).
    case images(directory: String)
    /// No icons.
    case none
}

/// Subnet tiers as the style sees them.
enum SubnetTierStyle: String {
    case `public`, `private`, isolated
}

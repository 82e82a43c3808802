/// Which colours a diagram uses.
public enum Theme: String, CaseIterable, Sendable {
    /// Light colours.
    case light
    /// Dark colours.
    case dark
    /// Light colours, switched to dark by the SVG's stylesheet when the viewer prefers dark
    /// (`@media (prefers-color-scheme: dark)`), in browsers and in `<img>` embeds.
    case auto

    /// The colours written into the graph (`auto` writes light ones; its dark look is CSS).
    public var palette: Palette { self == .dark ? .dark : .light }
}

/// The colours of a diagram, by role. AWS's usual reading: region teal, VPC purple, public subnet
/// green, private subnet blue, isolated subnet grey; endpoints and other network plumbing purple,
/// gateways green, DNS red, AWS services orange, on-premises grey.
///
/// A light colour means one role's colour wherever it appears, so the `auto` theme's stylesheet can
/// swap each light colour for its dark twin (`Palette.darkSwaps`).
public struct Palette: Sendable, Equatable {
    public var background: String
    /// Main text and titles.
    public var text: String
    /// Secondary text (ids, kinds) and ordinary edges.
    public var detail: String
    /// Fill of resource nodes.
    public var nodeFill: String
    public var regionLine: String
    public var regionFill: String
    public var vpcLine: String
    public var vpcFill: String
    /// Availability zone boxes (dashed, unfilled) and their labels.
    public var azLine: String
    public var publicLine: String
    public var publicFill: String
    public var privateLine: String
    public var privateFill: String
    public var isolatedLine: String
    public var isolatedFill: String
    /// Endpoints, route tables, peering, transit gateways, VPN.
    public var networkLine: String
    public var networkFill: String
    /// Internet and NAT gateways.
    public var gatewayLine: String
    public var gatewayFill: String
    /// Hosted zones, Resolver endpoints, DNS edges.
    public var dnsLine: String
    public var dnsFill: String
    /// AWS services.
    public var serviceLine: String
    public var serviceFill: String
    /// On-premises networks and their devices.
    public var onPremisesLine: String
    public var onPremisesFill: String
    /// Blackhole routes.
    public var blackhole: String

    public static let light = Palette(
        background: "#ffffff", text: "#16191f", detail: "#545b64", nodeFill: "#ffffff",
        regionLine: "#00a4a6", regionFill: "#f5fbfb", vpcLine: "#8c4fff", vpcFill: "#fbf8ff", azLine: "#147eba",
        publicLine: "#7aa116", publicFill: "#eef5e6", privateLine: "#147eba", privateFill: "#e6f2f8",
        isolatedLine: "#7d8998", isolatedFill: "#f2f3f3",
        networkLine: "#8c4fff", networkFill: "#f5efff", gatewayLine: "#7aa116", gatewayFill: "#f2f8e8",
        dnsLine: "#c7131f", dnsFill: "#fdf1f3", serviceLine: "#ed7100", serviceFill: "#fff6e5",
        onPremisesLine: "#7d8998", onPremisesFill: "#f2f3f3", blackhole: "#d13212")

    public static let dark = Palette(
        background: "#0d1117", text: "#e6edf3", detail: "#9ea7b3", nodeFill: "#0d1117",
        regionLine: "#2cc5c7", regionFill: "#0b1a1b", vpcLine: "#a98bff", vpcFill: "#17122a", azLine: "#4aa3df",
        publicLine: "#93c23a", publicFill: "#16220d", privateLine: "#4aa3df", privateFill: "#0e1e2a",
        isolatedLine: "#8d99a8", isolatedFill: "#1c2026",
        networkLine: "#a98bff", networkFill: "#221a3a", gatewayLine: "#93c23a", gatewayFill: "#1a2610",
        dnsLine: "#f0555f", dnsFill: "#2a1216", serviceLine: "#ff9a3d", serviceFill: "#2a1c0a",
        onPremisesLine: "#8d99a8", onPremisesFill: "#1c2026", blackhole: "#ff6a4d")

    /// Every role's colour, in declaration order.
    var roles: [String] {
        [background, text, detail, nodeFill, regionLine, regionFill, vpcLine, vpcFill, azLine, publicLine, publicFill,
         privateLine, privateFill, isolatedLine, isolatedFill, networkLine, networkFill, gatewayLine, gatewayFill,
         dnsLine, dnsFill, serviceLine, serviceFill, onPremisesLine, onPremisesFill, blackhole]
    }

    /// Each light colour with the dark colour that replaces it, once each, in role order.
    /// Nil if one light colour would need two different dark ones (a palette mistake; tested).
    public static var darkSwaps: [(light: String, dark: String)]? {
        var swaps: [(String, String)] = []
        for (l, d) in zip(Palette.light.roles, Palette.dark.roles) {
            if let existing = swaps.first(where: { $0.0 == l }) {
                if existing.1 != d { return nil }
                continue
            }
            swaps.append((l, d))
        }
        return swaps
    }
}

@testable import Diagram
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import TestSupport
import Testing
import VPCModel

@Suite struct IconTests {
    static let iconDirectory = Paths.repository.appendingPathComponent("templates/icons")

    /// The icons compiled into the binary are the files in `templates/icons/`; regenerate with
    /// `scripts/embed-resources.py --root templates/icons --output Sources/Diagram/EmbeddedIcons.swift --enum EmbeddedIcons templates/icons`.
    @Test func embeddedIconsAreTheTemplateFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.iconDirectory.path).filter { $0.hasSuffix(".svg") }.sorted()
        let command = "scripts/embed-resources.py --root templates/icons --output Sources/Diagram/EmbeddedIcons.swift --enum EmbeddedIcons templates/icons"
        #expect(files == EmbeddedIcons.files.map(\.path).sorted(), "icons added or removed: run \(command)")
        for file in files {
            let text = try String(contentsOf: Self.iconDirectory.appendingPathComponent(file), encoding: .utf8)
            let embedded = EmbeddedIcons.files.first { $0.path == file }?.contents
            #expect(embedded == text, "\(file) changed: run \(command)")
        }
    }

    @Test func everyIconKindHasAFileAndEveryFileAKind() {
        #expect(Set(Icon.allCases.map { "\($0.rawValue).svg" }) == Set(EmbeddedIcons.files.map(\.path)))
        #expect(Icon.allCases.count == 18)
    }

    /// Each icon is a small self-contained drawing: a 32 × 32 view box, a coloured tile, nothing
    /// external, no text, no scripts.
    @Test(arguments: Icon.allCases)
    func iconsAreSelfContained(_ icon: Icon) throws {
        let document = try XMLDocument(data: Data(icon.source.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.attr("viewBox") == "0 0 32 32")
        for node in try document.nodes(forXPath: "//*") {
            guard let element = node as? XMLElement else { continue }
            #expect(!["image", "script", "text", "use", "foreignObject", "style"].contains(element.localName ?? ""), "\(icon): <\(element.name ?? "")>")
            for attribute in element.attributes ?? [] {
                #expect(!(attribute.name ?? "").hasSuffix("href") && !(attribute.stringValue ?? "").contains("url("), "\(icon): \(attribute)")
            }
        }
        #expect(icon.tileColor != nil, "\(icon) has no tile")
        #expect(icon.symbol.hasPrefix("<symbol id=\"icon-\(icon.rawValue)\" viewBox=\"0 0 32 32\">"))
    }

    /// The placeholder rectangle Graphviz draws becomes a `<use>` of exactly its box.
    @Test func placeholderBecomesUseAtTheSameBox() throws {
        let line = "<polygon fill=\"\(Icon.natGateway.placeholderColor)\" stroke=\"transparent\" points=\"104.5,-340.6 104.5,-360.6 124.5,-360.6 124.5,-340.6 104.5,-340.6\"/>"
        let use = try #require(SVGPostProcessor.iconUse(Substring(line)))
        #expect(use.icon == .natGateway)
        #expect(use.text == "<use href=\"#icon-nat-gateway\" xlink:href=\"#icon-nat-gateway\" class=\"icon\" x=\"104.5\" y=\"-360.6\" width=\"20\" height=\"20\"/>")
        #expect(Icon.fromPlaceholder("#0117ff") == nil && Icon.fromPlaceholder("#ffffff") == nil)
    }

    /// Each icon used appears once as a `<symbol>`; every `<use>` points at one; no placeholder is left.
    @Test(arguments: LayoutTests.samples)
    func symbolsOnceAndEveryUseResolves(_ sample: String) throws {
        let svg = try #require(try SampleRendering.render(Paths.samples.appendingPathComponent(sample), formats: [.svg]).values.first)
        let geometry = try SVGGeometry(svg: svg)
        let symbols = try geometry.document.nodes(forXPath: "//*[local-name()='symbol']").compactMap { ($0 as? XMLElement)?.attr("id") }
        #expect(symbols.count == Set(symbols).count, "a symbol defined twice")
        #expect(Set(geometry.icons.map(\.symbol)) == Set(symbols), "symbols defined but unused, or used but undefined")
        #expect(!svg.contains(Icon.placeholderPrefix), "a placeholder was left in the SVG")
        #expect(!svg.contains("<image"))
    }
}

extension Icon {
    /// The fill of the icon's tile (its first `rect`).
    var tileColor: String? {
        guard let rect = source.firstRange(of: "<rect "), let fill = source[rect.upperBound...].firstRange(of: "fill=\"") else { return nil }
        return String(source[fill.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite struct ThemeTests {
    @Test func eachLightColourHasOneDarkTwin() throws {
        let swaps = try #require(Palette.darkSwaps, "a light colour maps to two dark colours")
        #expect(swaps.count >= 15)
        #expect(Set(swaps.map(\.light)).count == swaps.count)
    }

    /// Text stays readable on every fill in both palettes (WCAG contrast ≥ 4.5, main text on the
    /// background ≥ 7).
    @Test(arguments: [Palette.light, Palette.dark])
    func textIsReadableOnEveryFill(_ p: Palette) {
        let fills = [p.background, p.nodeFill, p.regionFill, p.vpcFill, p.publicFill, p.privateFill, p.isolatedFill, p.networkFill,
                     p.gatewayFill, p.dnsFill, p.serviceFill, p.onPremisesFill]
        #expect(Self.contrast(p.text, p.background) >= 7)
        for fill in fills {
            #expect(Self.contrast(p.text, fill) >= 4.5, "text on \(fill)")
            #expect(Self.contrast(p.detail, fill) >= 4.5, "details on \(fill)")
        }
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16)!
            let channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func render(_ sample: String, theme: Theme, transparent: Bool = false) throws -> String {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let pipeline = Pipeline(formats: [.svg], diagramOptions: DiagramOptions(theme: theme, transparent: transparent))
        return try #require(pipeline.render(topology, name: "x").files.first?.contents)
    }

    /// Every colour of the diagram comes from the palette, so the `auto` stylesheet turns all of it
    /// dark; the stylesheet has a rule for each.
    @Test(arguments: LayoutTests.samples)
    func autoThemeCoversEveryColourDrawn(_ sample: String) throws {
        let svg = try Self.render(sample, theme: .auto)
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("class=\"vpcgraph theme-auto\""))
        let palette = Set(Palette.light.roles)
        let colours = Self.colours(inGraphOf: svg)
        #expect(colours.count >= 10)
        for colour in colours {
            #expect(palette.contains(colour), "\(sample): colour \(colour) is not from the palette")
            #expect(svg.contains(".graph [fill=\"\(colour)\"]"), "\(sample): no dark rule for \(colour)")
        }
    }

    @Test func darkThemeDrawsWithTheDarkPaletteWithoutAMediaQuery() throws {
        let svg = try Self.render("app-vpc.yaml", theme: .dark)
        #expect(!svg.contains("@media"))
        let colours = Self.colours(inGraphOf: svg)
        #expect(colours.contains(Palette.dark.background))
        #expect(colours.isSubset(of: Set(Palette.dark.roles)), "\(colours.subtracting(Palette.dark.roles))")
        let light = try Self.render("app-vpc.yaml", theme: .light)
        #expect(!light.contains("@media"))
        #expect(Self.colours(inGraphOf: light).isSubset(of: Set(Palette.light.roles)))
    }

    @Test func transparentLeavesTheBackgroundUnpainted() throws {
        // Graphviz paints the background as the graph group's first shape, a polygon as big as the page.
        func backgrounds(_ svg: String) throws -> [XMLElement] {
            let geometry = try SVGGeometry(svg: svg)
            return try geometry.document.nodes(forXPath: "//*[local-name()='g'][contains(@class, 'graph')]/*[local-name()='polygon']")
                .compactMap { $0 as? XMLElement }
                .filter { (SVGGeometry.box(SVGGeometry.numbers(in: $0.attr("points") ?? ""))?.width ?? 0) >= geometry.viewBox.width - 1 }
        }
        #expect(try backgrounds(try Self.render("app-vpc.yaml", theme: .auto)).count == 1)
        #expect(try backgrounds(try Self.render("app-vpc.yaml", theme: .auto, transparent: true)).isEmpty)
    }

    /// fill/stroke values inside the graph group (not the icon symbols), except none/transparent.
    static func colours(inGraphOf svg: String) -> Set<String> {
        guard let graph = svg.firstRange(of: "class=\"graph") else { return [] }
        var found: Set<String> = []
        for key in ["fill=\"", "stroke=\""] {
            for range in svg[graph.lowerBound...].ranges(of: key) {
                let value = String(svg[range.upperBound...].prefix { $0 != "\"" })
                if value != "none" && value != "transparent" { found.insert(value) }
            }
        }
        return found
    }
}

@Suite struct TooltipAndLinkTests {
    static func svg(_ sample: String, links: LinkTarget = .none) throws -> SVGGeometry {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let pipeline = Pipeline(formats: [.svg], diagramOptions: DiagramOptions(links: links))
        return try SVGGeometry(svg: try #require(pipeline.render(topology, name: "app-vpc").files.first?.contents))
    }

    static func title(_ id: String, in svg: SVGGeometry) throws -> String {
        let node = try #require(try svg.document.nodes(forXPath: "//*[@id='\(id)']/*[local-name()='title']").first, "no title for \(id)")
        return node.stringValue ?? ""
    }

    /// Tooltips are the elements' `<title>` (what browsers show on hover) and hold the details.
    @Test func titlesHoldTheDetails() throws {
        let svg = try Self.svg("app-vpc.yaml")
        let subnet = try Self.title("subnet-0c1a2b3c4d5e6f703", in: svg)
        #expect(subnet.contains("10.0.10.0/24") && subnet.contains("rtb-0b1a2b3c4d5e6f702"))
        let endpoint = try Self.title("vpce-0a1b2c3d4e5f60103", in: svg)
        #expect(endpoint.contains("ENI 10.0.10.10") && endpoint.contains("DNS vpce-0a1b2c3d4e5f60103-k2mfq7wd.execute-api.eu-west-1.vpce.amazonaws.com"))
        #expect(endpoint.contains("security groups: vpc-endpoints (sg-0e1f2a3b4c5d6e7f8)"))
        // An ENI is a chip of its subnet: without links its facts are in the subnet's title.
        #expect(subnet.contains("network interface of vpce-0a1b2c3d4e5f60103 (com.amazonaws.eu-west-1.execute-api), private IP 10.0.10.10"))
        #expect(try Self.title("vpc-0a1b2c3d4e5f60718", in: svg).contains("CIDR 10.0.0.0/16"))
        // No link wrapper is left for tooltips alone.
        #expect(try svg.document.nodes(forXPath: "//*[local-name()='a']").isEmpty)
    }

    @Test func linkDocsPointsAtTheMarkdownAnchors() throws {
        let svg = try Self.svg("app-vpc.yaml", links: .docs("app-vpc.md"))
        let hrefs = Self.hrefs(svg)
        for id in ["vpc-0a1b2c3d4e5f60718", "subnet-0c1a2b3c4d5e6f703", "rtb-0b1a2b3c4d5e6f702", "vpce-0a1b2c3d4e5f60103"] {
            #expect(hrefs.contains("app-vpc.md#\(id)"), "no link to \(id)")
        }
        #expect(hrefs.allSatisfy { $0.hasPrefix("app-vpc.md#") })
    }

    @Test func linkConsoleOpensEachResourceInTheAWSConsole() throws {
        let svg = try Self.svg("app-vpc.yaml", links: .console)
        let hrefs = Self.hrefs(svg)
        let console = "https://console.aws.amazon.com/vpcconsole/home?region=eu-west-1#"
        for page in ["VpcDetails:VpcId=vpc-0a1b2c3d4e5f60718", "SubnetDetails:subnetId=subnet-0c1a2b3c4d5e6f703",
                     "RouteTableDetails:RouteTableId=rtb-0b1a2b3c4d5e6f702", "EndpointDetails:vpcEndpointId=vpce-0a1b2c3d4e5f60103",
                     "EndpointDetails:vpcEndpointId=vpce-0a1b2c3d4e5f60101", "NatGatewayDetails:natGatewayId=nat-0a1b2c3d4e5f60001"] {
            #expect(hrefs.contains(console + page), "no console link \(page)")
        }
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://console.aws.amazon.com/") })
    }

    /// With `--link docs`, every link from any view lands on an anchor of the Markdown document
    /// rendered from the same topology.
    @Test(arguments: LayoutTests.samples)
    func docsLinksLandOnMarkdownAnchors(_ sample: String) throws {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let name = Pipeline.baseName(of: url.path)
        let markdown = try #require(Pipeline(formats: [.md]).render(topology, name: name).files.first?.contents)
        for view in DiagramView.allCases {
            let pipeline = Pipeline(formats: [.svg], diagramOptions: DiagramOptions(links: .docs("\(name).md")), view: view, split: .always)
            for file in pipeline.render(topology, name: name).files {
                let hrefs = Self.hrefs(try SVGGeometry(svg: file.contents)).filter { $0.hasPrefix("\(name).md#") }
                // Overviews link their VPCs to the per-VPC files instead.
                #expect(!hrefs.isEmpty || view == .overview || file.fileName == "\(name).svg", "\(file.fileName) has no links")
                for href in hrefs {
                    let anchor = href.dropFirst("\(name).md#".count)
                    #expect(markdown.contains("id=\"\(anchor)\""), "\(file.fileName): \(href) lands on no anchor of \(name).md")
                }
            }
        }
    }

    static func hrefs(_ svg: SVGGeometry) -> [String] {
        ((try? svg.document.nodes(forXPath: "//*[local-name()='a']")) ?? []).compactMap { ($0 as? XMLElement)?.attr("href") }
    }
}

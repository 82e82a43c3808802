import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Diagram
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders

/// For every view: the Markdown embeds only diagrams that view wrote, each as a link to itself,
/// and every link in every SVG lands on a written file and an anchor that exists in the written
/// Markdown (as cmark-gfm renders it), or on the AWS console. Ids with spaces and slashes included.
@Suite struct ViewLinkTests {
    static let cmark = "/usr/bin/cmark-gfm"

    /// `samples/shared-services.yaml` with the on-premises network's id `corp dc/1` and a hosted zone
    /// without a zone id (so its id is its name). The YAML reader refuses such an on-premises id,
    /// other readers (and the model) need not: the topology is changed after reading.
    static func hostileSample() throws -> Topology {
        var yaml = try String(contentsOf: Paths.samples.appendingPathComponent("shared-services.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "      - id: Z0123456789ABCDEFGHIJ\n        name:", with: "      - name:")
        var topology = try #require(TopologyParser.parse(yaml, file: "net.yaml").topology)
        #expect(topology.onPremises.count == 1)
        topology.onPremises[0].id = "corp dc/1"
        for r in topology.regions.indices {
            for v in topology.regions[r].vpnConnections.indices where topology.regions[r].vpnConnections[v].onPremisesID == "datacenter" {
                topology.regions[r].vpnConnections[v].onPremisesID = "corp dc/1"
            }
        }
        #expect(topology.regions.flatMap(\.privateHostedZones).contains { $0.zoneID == nil })
        return topology
    }

    static func html(_ markdown: String) throws -> String {
        let result = try Run.process(cmark, ["-e", "table", "--unsafe", "--to", "html"], input: Data(markdown.utf8))
        try #require(result.status == 0, "cmark-gfm failed: \(result.stderr)")
        return result.stdout
    }

    /// Values of `attribute="…"` in HTML.
    static func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    struct Case: CustomStringConvertible, Sendable {
        var view: String
        var link: String
        var split: String
        var description: String { "\(view) --link \(link) --split \(split)" }
    }

    static let cases: [Case] = ["full", "overview", "vpc", "dns"].flatMap { view in
        ["docs", "console"].map { Case(view: view, link: $0, split: "auto") }
    } + [Case(view: "full", link: "docs", split: "always"), Case(view: "full", link: "console", split: "always")]

    @Test(arguments: cases)
    func embedsAndLinksResolve(_ c: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.cmark), "\(Self.cmark) is missing: apt-get install cmark-gfm")
        let links: LinkTarget = c.link == "docs" ? .docs("net.md") : .console
        let pipeline = Pipeline(formats: [.svg, .md], diagramOptions: DiagramOptions(links: links),
                                view: DiagramView(rawValue: c.view)!, split: SplitMode(rawValue: c.split)!)
        let (files, diagnostics) = pipeline.render(try Self.hostileSample(), name: "net")
        try #require(!diagnostics.contains { $0.severity == .error }, "\(c): \(diagnostics)")
        let contents = Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
        let written = Set(contents.keys)
        let markdown = try #require(contents["net.md"])
        let html = try Self.html(markdown)

        // Embeds: only written files, each image a link to its own file.
        let images = Self.values(of: "src", in: html)
        #expect(!images.isEmpty, "\(c): the document shows no diagram")
        for image in images {
            #expect(written.contains(image), "\(c): the document embeds \(image), which was not written (\(written.sorted()))")
            #expect(html.contains("<a href=\"\(image)\"><img src=\"\(image)\""), "\(c): \(image) is not a link to itself")
        }
        // Every diagram the view wrote is shown.
        #expect(Set(images) == written.filter { $0.hasSuffix(".svg") }, "\(c): shown \(images.sorted()), written \(written.sorted())")

        // Links: a written file and an anchor of it, or the console.
        let anchors = Set(Self.values(of: "id", in: html))
        var consoleLinks = 0, documentLinks = 0
        for svgName in written where svgName.hasSuffix(".svg") {
            let svg = contents[svgName]!
            let document = try XMLDocument(data: Data(svg.utf8), options: [])
            let hrefs = try document.nodes(forXPath: "//*[local-name()='a']").compactMap {
                ($0 as? XMLElement)?.attr("href")
            }
            for href in hrefs {
                if href.hasPrefix("https://console.aws.amazon.com/") { consoleLinks += 1; continue }
                #expect(!href.contains("://"), "\(c): \(svgName) links to \(href)")
                let parts = href.split(separator: "#", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                #expect(written.contains(parts[0]), "\(c): \(svgName) links to \(href): no such file")
                guard parts.count == 2 else { continue }
                if parts[0] == "net.md" {
                    documentLinks += 1
                    #expect(anchors.contains(parts[1]), "\(c): \(svgName) links to \(href): the document has no such anchor")
                } else {
                    let target = try XMLDocument(data: Data((contents[parts[0]] ?? "").utf8), options: [])
                    let ids = Set(try target.nodes(forXPath: "//*[@id]").compactMap { ($0 as? XMLElement)?.attr("id") })
                    #expect(ids.contains(parts[1]), "\(c): \(svgName) links to \(href): no such element")
                }
            }
        }
        if c.link == "console" { #expect(consoleLinks > 0, "\(c): no console link") }
        if c.link == "docs" { #expect(documentLinks > 0, "\(c): no link to the document") }
        if c.link == "docs" && (c.view == "overview" || c.view == "dns") {
            // The on-premises network `corp dc/1` links to its sanitised anchor.
            #expect(anchors.contains("corp-dc-1"))
            let svg = contents["net.\(c.view).svg"] ?? ""
            #expect(svg.contains("net.md#corp-dc-1"), "\(c): corp dc/1 is not linked")
        }
    }

    /// Without SVGs the document embeds nothing (no broken image); with PNGs only, the PNGs.
    @Test func documentWithoutPicturesEmbedsNothing() throws {
        let directory = Paths.temporaryDirectory("view-links-md")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        for view in ["full", "overview", "vpc", "dns"] {
            let out = directory.appendingPathComponent(view)
            let result = try Run.vpcgraph(["render", sample, "-o", out.path, "--format", "md", "--view", view])
            try #require(result.status == 0, "\(result.stderr)")
            let markdown = try String(contentsOf: out.appendingPathComponent("shared-services.md"), encoding: .utf8)
            #expect(!markdown.contains("![Diagram"), "\(view): \(markdown.prefix(600))")
        }
    }
}

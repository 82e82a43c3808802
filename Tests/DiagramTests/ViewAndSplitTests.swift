import Diagram
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import TestSupport
import Testing

/// Views and the automatic split, end to end through the `vpcgraph` binary.
@Suite struct ViewAndSplitTests {
    static func write(_ yaml: String, as name: String) -> (directory: URL, input: URL) {
        let directory = Paths.temporaryDirectory("split")
        let input = directory.appendingPathComponent("\(name).yaml")
        try? yaml.write(to: input, atomically: true, encoding: .utf8)
        return (directory, input)
    }

    static func svgs(in directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".svg") {
            result[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    /// Every link from one file to another (not `#…`, not the web) names a file that exists, and
    /// its `#fragment`, if any, an element of that file. Returns the links, by file.
    @discardableResult
    static func expectLinksResolve(_ files: [String: String]) throws -> [String: [String]] {
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for (name, svg) in files {
            let document = try XMLDocument(data: Data(svg.utf8), options: [])
            ids[name] = Set(try document.nodes(forXPath: "//*[@id]").compactMap { ($0 as? XMLElement)?.attr("id") })
            links[name] = try document.nodes(forXPath: "//*[local-name()='a']").compactMap { ($0 as? XMLElement)?.attr("href") }
                .filter { !$0.hasPrefix("#") && !$0.hasPrefix("http") }
        }
        for (name, hrefs) in links {
            for href in hrefs {
                let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
                #expect(files[parts[0]] != nil, "\(name) links to missing file \(href)")
                if parts.count == 2, let targetIDs = ids[parts[0]] {
                    #expect(targetIDs.contains(parts[1]), "\(name) links to \(href), which has no element '\(parts[1])'")
                }
            }
        }
        return links
    }

    /// Past 8 VPCs, `render` writes an overview plus one diagram per VPC, says so, keeps each
    /// diagram readable, and links them both ways.
    @Test func fortyVPCsSplitIntoAnOverviewAndOneReadableDiagramPerVPC() throws {
        let (directory, input) = Self.write(GeneratedTopology.yaml(vpcs: 40), as: "gen40")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let result = try Run.vpcgraph(["render", input.path, "-o", out.path, "--format", "dot,svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("gen40.yaml: 40 VPCs (more than 8): wrote an overview, gen40.svg, and one diagram per VPC"), "\(result.stdout)")
        let files = try Self.svgs(in: out)
        #expect(files.count == 41)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("gen40.dot").path))

        try Self.expectUniqueIDs(files)
        for (name, svg) in files {
            let geometry = try SVGGeometry(svg: svg)
            let ratio = geometry.widthPoints / geometry.heightPoints
            #expect(ratio <= 4 && ratio >= 0.25, "\(name): \(geometry.widthPoints) × \(geometry.heightPoints) pt")
            let limit = name == "gen40.svg" ? 4000.0 : 2000.0
            #expect(geometry.widthPoints <= limit && geometry.heightPoints <= limit, "\(name): \(geometry.widthPoints) × \(geometry.heightPoints) pt")
        }
        let links = try Self.expectLinksResolve(files)
        // The overview links to every VPC's file; each VPC's file links back to it and to its neighbours.
        let fromOverview = Set(links["gen40.svg"] ?? [])
        #expect(fromOverview.count == 40 && fromOverview.allSatisfy { $0.hasPrefix("gen40.vpc-") })
        for (name, hrefs) in links where name != "gen40.svg" {
            let vpcID = String(name.dropFirst("gen40.".count).dropLast(".svg".count))
            #expect(hrefs.contains("gen40.svg#\(vpcID)"), "\(name) does not link back to the overview")
            #expect(hrefs.contains { $0.hasPrefix("gen40.vpc-") }, "\(name) does not link to its peers")
        }
    }

    @Test func splitNeverKeepsOneDiagramAndSmallTopologiesDoNotSplit() throws {
        let (directory, input) = Self.write(GeneratedTopology.yaml(vpcs: 9), as: "gen9")
        defer { try? FileManager.default.removeItem(at: directory) }
        let never = directory.appendingPathComponent("never")
        let result = try Run.vpcgraph(["render", input.path, "-o", never.path, "--format", "svg", "--split", "never"])
        #expect(result.status == 0 && !result.stdout.contains("wrote an overview"))
        #expect(try Self.svgs(in: never).keys.sorted() == ["gen9.svg"])

        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        let auto = directory.appendingPathComponent("auto")
        #expect(try Run.vpcgraph(["render", sample, "-o", auto.path, "--format", "svg"]).status == 0)
        #expect(try Self.svgs(in: auto).keys.sorted() == ["shared-services.svg"])
    }

    @Test func eachViewWritesItsFiles() throws {
        let directory = Paths.temporaryDirectory("views")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        for (view, expected) in [("overview", ["shared-services.overview.svg"]), ("dns", ["shared-services.dns.svg"]),
                                 ("vpc", ["shared-services.vpc-0b2c3d4e5f6071829.svg", "shared-services.vpc-0c1d2e3f4a5b60001.svg",
                                          "shared-services.vpc-0c1d2e3f4a5b60002.svg", "shared-services.vpc-0c1d2e3f4a5b60003.svg"])] {
            let out = directory.appendingPathComponent(view)
            let result = try Run.vpcgraph(["render", sample, "-o", out.path, "--format", "svg", "--view", view])
            #expect(result.status == 0, "\(result.stderr)")
            let files = try Self.svgs(in: out)
            #expect(files.keys.sorted() == expected)
            try Self.expectLinksResolve(files)
        }
        // The DNS view shows the chain on-premises → Resolver → VPC resolver → zone → endpoint IPs.
        let dns = try Self.texts(directory.appendingPathComponent("dns/shared-services.dns.svg"))
        for text in ["Resolver inbound endpoint", "10.10.1.53, 10.10.2.53", "apigateway.eu-west-1.amazonaws.com", "10.10.1.10, 10.10.2.10",
                     "consumer-a resolver", "forward apigateway.\neu-west-1.\namazonaws.com"] {
            #expect(dns.contains(text), "DNS view lacks '\(text)'")
        }
        let overview = try Self.texts(directory.appendingPathComponent("overview/shared-services.overview.svg"))
        for text in ["10.20.0.0/16", "site-to-site VPN", "Dublin data centre"] {
            #expect(overview.contains(text), "overview lacks '\(text)'")
        }
        // Peering edges carry no label (it would float as an xlabel); the tooltip names them.
        let svg = try String(contentsOf: directory.appendingPathComponent("overview/shared-services.overview.svg"), encoding: .utf8)
        #expect(svg.contains("<title>VPC peering connection pcx&#45;0d4e5f60718293a41"))
    }

    /// No id appears twice in a file (links and tooltips go by id).
    static func expectUniqueIDs(_ files: [String: String]) throws {
        for (name, svg) in files {
            let document = try XMLDocument(data: Data(svg.utf8), options: [])
            let ids = try document.nodes(forXPath: "//*[@id]").compactMap { ($0 as? XMLElement)?.attr("id") }
            let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(name): ids used twice: \(repeated)")
        }
    }

    /// A peering between regions joins the two VPC boxes; in each VPC's own diagram the region
    /// that holds the peering is drawn too, with the other VPC as a linked node.
    @Test func crossRegionPeeringInFullAndPerVPCDiagrams() throws {
        let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - {id: vpc-0000000000000aaa1, name: left, cidr: 10.1.0.0/16, subnets: [{id: subnet-00000000000000a01, az: eu-west-1a, cidr: 10.1.1.0/24}]}
            peerings:
              - {id: pcx-00000000000000001, vpcs: [vpc-0000000000000aaa1, vpc-0000000000000bbb1]}
          us-east-1:
            vpcs:
              - {id: vpc-0000000000000bbb1, name: right, cidr: 10.3.0.0/16, subnets: [{id: subnet-00000000000000b01, az: us-east-1a, cidr: 10.3.1.0/24}]}
        """
        let (directory, input) = Self.write(yaml, as: "cross")
        defer { try? FileManager.default.removeItem(at: directory) }
        for split in ["never", "always"] {
            let out = directory.appendingPathComponent(split)
            #expect(try Run.vpcgraph(["render", input.path, "-o", out.path, "--format", "svg", "--split", split]).status == 0)
            let files = try Self.svgs(in: out)
            try Self.expectUniqueIDs(files)
            try Self.expectLinksResolve(files)
            if split == "never" {
                let geometry = try SVGGeometry(svg: try #require(files["cross.svg"]))
                // Both VPCs are boxes (clusters), joined through the peering node.
                #expect(geometry.classes["vpc-0000000000000bbb1"]?.hasPrefix("cluster") == true)
                #expect(geometry.ids(ofKind: "peering").count == 2)
            } else {
                let right = try SVGGeometry(svg: try #require(files["cross.vpc-0000000000000bbb1.svg"]))
                #expect(right.classes["pcx-00000000000000001"]?.contains("peering-connection") == true)
                #expect(right.classes["vpc-0000000000000aaa1"] == "node vpc")
            }
        }
    }

    /// The text an SVG shows, one `<text>` a line.
    static func texts(_ url: URL) throws -> String {
        let document = try XMLDocument(data: try Data(contentsOf: url), options: [])
        return try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue).joined(separator: "\n")
    }

    /// `--format png` draws bitmaps with Graphviz's cairo renderer, one per diagram, icons included.
    @Test func pngFormatWritesABitmapPerDiagram() throws {
        let directory = Paths.temporaryDirectory("png")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = Paths.samples.appendingPathComponent("shared-services.yaml").path
        let result = try Run.vpcgraph(["render", sample, "-o", directory.path, "--format", "svg,png", "--split", "always"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(names.count == 5)
        for name in names {
            let size = try Bitmap.pngSize(directory.appendingPathComponent(name))
            #expect(size.width > 200 && size.height > 200)
        }
        // Icons are drawn in the bitmap too: the VPC tile colour is there.
        let bitmap = try Bitmap.read(png: directory.appendingPathComponent("shared-services.vpc-0b2c3d4e5f6071829.png"))
        let tile = Bitmap.rgb(hex: "#8c4fff")
        #expect(bitmap.share(of: tile, x: 0, y: 0, width: bitmap.width, height: bitmap.height) > 0.001)
    }

    /// Split and themed output is byte-identical run after run.
    @Test func splitAndThemedOutputIsDeterministic() throws {
        let (directory, input) = Self.write(GeneratedTopology.yaml(vpcs: 10), as: "gen10")
        defer { try? FileManager.default.removeItem(at: directory) }
        var runs: [[String: String]] = []
        for index in 0..<2 {
            let out = directory.appendingPathComponent("run\(index)")
            #expect(try Run.vpcgraph(["render", input.path, "-o", out.path, "--format", "dot,svg", "--theme", "dark", "--link", "console"]).status == 0)
            runs.append(try Self.svgs(in: out))
        }
        #expect(runs[0].count == 11)
        #expect(runs[0] == runs[1])
    }
}

import Diagram
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import TestSupport
import Testing
import VPCModel

/// What the SVG must hold: stable ids and classes, titles, annotations, nothing external.
@Suite struct SVGContentTests {
    struct Rendered {
        var topology: Topology
        var svg: String
        var document: XMLDocument
        /// Every element with an id: id → class attribute.
        var classes: [String: String]
    }

    static func rendered(_ sample: String) throws -> Rendered {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let svg = try #require(try SampleRendering.render(url)["\(Pipeline.baseName(of: url.path)).svg"])
        let document = try XMLDocument(data: Data(svg.utf8), options: [])
        var classes: [String: String] = [:]
        for node in try document.nodes(forXPath: "//*[@id]") {
            guard let element = node as? XMLElement, let id = element.value(of: "id") else { continue }
            classes[id] = element.value(of: "class") ?? ""
        }
        return Rendered(topology: topology, svg: svg, document: document, classes: classes)
    }

    /// Every resource of a topology with the CSS class its element must carry.
    static func resources(_ t: Topology) -> [(id: String, kind: String)] {
        var list: [(String, String)] = []
        for region in t.regions {
            list.append((region.name, "region"))
            for vpc in region.vpcs {
                list.append((vpc.id, "vpc"))
                for zone in vpc.availabilityZones { list.append(("\(vpc.id)_\(zone)", "az")) }
                list += vpc.subnets.map { ($0.id, "subnet") }
                list += vpc.routeTables.map { ($0.id, "route-table") }
                list += vpc.natGateways.map { ($0.id, "nat-gateway") }
                list += vpc.interfaceEndpoints.map { ($0.id, "interface-endpoint") }
                list += vpc.gatewayEndpoints.map { ($0.id, "gateway-endpoint") }
                list += vpc.resolverEndpoints.map { ($0.id, "resolver-endpoint") }
                if let igw = vpc.internetGateway { list.append((igw.id, "internet-gateway")) }
                if let vgw = vpc.vpnGateway { list.append((vgw.id, "vpn-gateway")) }
                for endpoint in vpc.interfaceEndpoints {
                    list += endpoint.interfaces.map { ($0.networkInterfaceID ?? "\(endpoint.id)_\($0.subnetID)", "eni") }
                }
            }
            list += region.peerings.map { ($0.id, "peering-connection") }
            list += region.transitGateways.map { ($0.id, "transit-gateway") }
            list += region.privateHostedZones.map { ($0.zoneID ?? "zone-\($0.name)", "hosted-zone") }
        }
        list += t.onPremises.map { ($0.id, "on-premises") }
        return list
    }

    /// Chips of a subnet's node (checked in LayoutTests).
    static let chipKinds: Set<String> = ["eni", "nat-gateway"]

    /// Route tables the standard detail leaves out: no subnet, only the local route.
    static func hiddenTables(_ t: Topology) -> Set<String> {
        Set(t.allVPCs.flatMap { _, vpc in
            vpc.routeTables.filter { vpc.subnets(using: $0).isEmpty && !vpc.effectiveRoutes(of: $0).contains { $0.target.kind != .local } }.map(\.id)
        })
    }

    @Test(arguments: ["app-vpc.yaml", "shared-services.yaml", "multi-region.yaml"])
    func everyResourceHasItsIdAndClass(_ sample: String) throws {
        let r = try Self.rendered(sample)
        let resources = Self.resources(r.topology)
        #expect(resources.count > 10)
        for (id, kind) in resources {
            // NAT gateways and ENIs are chips inside their subnet's node: a linked cell `a_<id>`.
            if Self.chipKinds.contains(kind) || Self.hiddenTables(r.topology).contains(id) { continue }
            let classes = r.classes[id]?.split(separator: " ").map(String.init) ?? []
            #expect(classes.contains(kind), "element '\(id)' should have class '\(kind)', has \(r.classes[id] ?? "no element")")
        }
    }

    @Test(arguments: ["app-vpc.yaml", "shared-services.yaml", "multi-region.yaml"])
    func selfContainedWellFormedWithViewBoxAndTitles(_ sample: String) throws {
        let r = try Self.rendered(sample)
        let root = try #require(r.document.rootElement())
        #expect(root.name == "svg")
        let viewBox = try #require(root.value(of: "viewBox"))
        #expect(viewBox.split(separator: " ").count == 4)
        // No reference to anything outside the document.
        for node in try r.document.nodes(forXPath: "//@*") {
            guard let name = node.name, let value = node.stringValue else { continue }
            if name.hasSuffix("href") || name == "src" { #expect(value.hasPrefix("#"), "\(name)=\(value)") }
            #expect(!value.contains("url(") || value.contains("url(#"), "\(name)=\(value)")
        }
        #expect(!r.svg.contains("<!DOCTYPE"))
        #expect(!r.svg.contains("<image"))
        // Every resource's element has a <title> (chips carry theirs on their link).
        for (id, kind) in Self.resources(r.topology) where !Self.chipKinds.contains(kind) && !Self.hiddenTables(r.topology).contains(id) {
            let titles = try r.document.nodes(forXPath: "//*[@id='\(id)']/*[local-name()='title']")
            #expect(titles.count == 1, "'\(id)' has no <title>")
        }
    }

    /// The texts the SVG shows, joined.
    static func texts(_ r: Rendered) throws -> String {
        try r.document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue).joined(separator: "\n")
    }

    @Test func annotatesInterfaceEndpoints() throws {
        let r = try Self.rendered("app-vpc.yaml")
        let text = try Self.texts(r)
        let vpc = r.topology.regions[0].vpcs[0]
        for endpoint in vpc.interfaceEndpoints {
            for interface in endpoint.interfaces { #expect(text.contains(interface.ip.description)) }
            let regional = try #require(endpoint.regionalDNSName(in: vpc))
            // Broken at dots over several lines; all of its parts are shown, in order.
            let shown = text.split(separator: "\n").filter { regional.contains($0) && $0.count > 3 }.joined()
            #expect(shown.contains(regional), "regional DNS name \(regional) not shown")
        }
        #expect(text.contains("vpce-0a1b2c3d4e5f60103-k2mfq7wd.\nexecute-api.eu-west-1.vpce.\namazonaws.com"))
        #expect(text.contains("private DNS: *.execute-api.eu-west-1.amazonaws.com"))
    }

    @Test func annotatesGatewayEndpointsAndRoutes() throws {
        let r = try Self.rendered("app-vpc.yaml")
        let text = try Self.texts(r)
        #expect(text.contains("Amazon S3"))
        #expect(text.contains("prefix list pl-6da54004"))
        #expect(text.contains("Amazon DynamoDB"))
        // Each private route table has one route edge to the gateway endpoints (both), labelled with their services.
        let group = "vpc-0a1b2c3d4e5f60718_gateway-endpoints"
        for table in ["rtb-0b1a2b3c4d5e6f702", "rtb-0c1a2b3c4d5e6f703"] {
            let edge = try #require(try r.document.nodes(forXPath: "//*[@id='\(table)--\(group)']").first)
            #expect(edge.stringValue?.contains("s3, dynamodb prefix lists") == true)
            #expect(edge.stringValue?.contains("pl-6da54004 (s3)") == true)
            let nat = try #require(try r.document.nodes(forXPath: "//*[@id][starts-with(@id, '\(table)--subnet-')]").first)
            #expect(nat.stringValue?.contains("0.0.0.0/0") == true)
        }
        // Every non-local route of every table is on an edge label.
        for table in r.topology.regions[0].vpcs[0].routeTables {
            for route in r.topology.regions[0].vpcs[0].effectiveRoutes(of: table) where route.target.kind != .local {
                let vpc = r.topology.regions[0].vpcs[0]
                let head = route.target.kind == .gatewayEndpoint ? group
                    : vpc.natGateways.first { $0.id == route.target.id }.map { "\($0.subnetID).\($0.id)" } ?? route.target.id
                let edge = try #require(try r.document.nodes(forXPath: "//*[@id='\(table.id)--\(head)']").first, "\(table.id) → \(route.target.id)")
                #expect(edge.stringValue?.contains(route.destination.description) == true)
            }
        }
    }

    @Test func crossRegionS3IsDrawnThroughTheInternetGateway() throws {
        let r = try Self.rendered("multi-region.yaml")
        let edge = try #require(try r.document.nodes(forXPath: "//*[@id='igw-0a9b8c7d6e5f4e001--com.amazonaws.eu-west-1.s3']").first)
        #expect(edge.stringValue?.contains("over the internet") == true)
        #expect(r.classes["com.amazonaws.eu-west-1.s3"]?.contains("aws-service") == true)
        #expect(r.classes["com.amazonaws.eu-central-1.s3"]?.contains("aws-service") == true)
    }
}

extension XMLElement {
    /// An attribute's value. (`attribute(forName:)` misses un-prefixed attributes of elements in
    /// the SVG namespace on Linux.)
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

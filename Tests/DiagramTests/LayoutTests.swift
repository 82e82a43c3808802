import Diagram
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// The layout rules, checked on the boxes in the SVG the samples render to.
@Suite struct LayoutTests {
    static let samples = ["app-vpc.yaml", "shared-services.yaml", "multi-region.yaml"]

    static func rendered(_ sample: String, view: DiagramView = .full, split: SplitMode = .auto) throws -> (topology: Topology, svgs: [String: SVGGeometry]) {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let (files, diagnostics) = Pipeline(formats: [.svg], view: view, split: split).render(topology, name: Pipeline.baseName(of: url.path))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var svgs: [String: SVGGeometry] = [:]
        for file in files { svgs[file.fileName] = try SVGGeometry(svg: file.contents) }
        return (topology, svgs)
    }

    static func full(_ sample: String) throws -> (topology: Topology, svg: SVGGeometry) {
        let (topology, svgs) = try rendered(sample)
        return (topology, try #require(svgs["\(Pipeline.baseName(of: sample)).svg"]))
    }

    /// AZs side by side in name order; those with a subnet of the VPC's first tier start on one line.
    @Test(arguments: samples)
    func availabilityZonesSideBySideInNameOrder(_ sample: String) throws {
        let (topology, svg) = try Self.full(sample)
        for (_, vpc) in topology.allVPCs {
            let zones = vpc.availabilityZones.sorted()
            let boxes = try zones.map { try #require(svg.boxes["\(vpc.id)_\($0)"], "no box for \($0) of \(vpc.id)") }
            for (left, right) in zip(boxes, boxes.dropFirst()) {
                #expect(left.maxX < right.minX, "\(vpc.id): AZs out of order or overlapping: \(left) then \(right)")
            }
            let firstTier = vpc.subnets.map { vpc.tier(of: $0) }.min()
            let full = zip(zones, boxes).filter { zone, _ in vpc.subnets.contains { $0.availabilityZone == zone && vpc.tier(of: $0) == firstTier } }
            for (a, b) in zip(full, full.dropFirst()) {
                #expect(abs(a.1.minY - b.1.minY) < 1, "\(vpc.id): \(a.0) and \(b.0) do not start on one line")
            }
        }
    }

    @Test(arguments: samples)
    func subnetsOfOneTierShareARowAcrossAvailabilityZones(_ sample: String) throws {
        let (topology, svg) = try Self.full(sample)
        for (_, vpc) in topology.allVPCs {
            var rowTops: [SubnetTier: Double] = [:]
            for tier in SubnetTier.allCases {
                // The first subnet of the tier in each AZ: all on one row.
                let firsts = vpc.availabilityZones.compactMap { zone in vpc.subnets.first { $0.availabilityZone == zone && vpc.tier(of: $0) == tier } }
                let tops = try firsts.map { try #require(svg.boxes[$0.id]).minY }
                guard let top = tops.first else { continue }
                for other in tops { #expect(abs(other - top) < 1, "\(vpc.id): \(tier) subnets not on one row: \(tops)") }
                rowTops[tier] = top
            }
            // Public above private above isolated.
            let ordered = SubnetTier.allCases.compactMap { rowTops[$0] }
            #expect(ordered == ordered.sorted(), "\(vpc.id): tiers out of order: \(rowTops)")
        }
    }

    @Test func vpcsAndRegionsInInputOrder() throws {
        // shared-services: four VPCs in a 2 × 2 grid, row by row.
        let (topology, svg) = try Self.full("shared-services.yaml")
        let vpcs = try topology.regions[0].vpcs.map { try #require(svg.boxes[$0.id]) }
        #expect(vpcs.count == 4)
        #expect(vpcs[0].maxX < vpcs[1].minX && abs(vpcs[0].minY - vpcs[1].minY) < vpcs[0].height)
        #expect(vpcs[2].minY > vpcs[0].maxY && vpcs[3].minY > vpcs[1].maxY)
        #expect(vpcs[2].maxX < vpcs[3].minX)
        // multi-region: regions left to right as written.
        let (multi, multiSVG) = try Self.full("multi-region.yaml")
        let regions = try multi.regions.map { try #require(multiSVG.boxes[$0.name]) }
        #expect(regions[0].maxX < regions[1].minX, "regions out of input order")
    }

    @Test(arguments: samples)
    func networkInterfacesAndNATGatewaysSitInsideTheirSubnets(_ sample: String) throws {
        let (topology, svg) = try Self.full(sample)
        var checked = 0
        for (_, vpc) in topology.allVPCs {
            for endpoint in vpc.interfaceEndpoints {
                for interface in endpoint.interfaces {
                    // A chip of its subnet's node.
                    let chip = try svg.document.nodes(forXPath: "//*[@id='\(interface.subnetID)']//*[local-name()='text'][contains(., '\(interface.ip)')]")
                    #expect(!chip.isEmpty, "ENI \(interface.ip) not in \(interface.subnetID)")
                    checked += 1
                }
            }
            for nat in vpc.natGateways {
                let chip = try svg.document.nodes(forXPath: "//*[@id='\(nat.subnetID)']//*[local-name()='text'][starts-with(., 'NAT')]")
                #expect(!chip.isEmpty, "NAT gateway \(nat.id) not in \(nat.subnetID)")
                checked += 1
            }
        }
        if sample != "multi-region.yaml" { #expect(checked > 0) }
    }

    /// Gateway endpoints sit inside the VPC, below every subnet and below the route tables that
    /// use them (the endpoints band may be below them).
    @Test(arguments: samples)
    func gatewayEndpointsOnTheVPCEdgeBelowTheirRouteTables(_ sample: String) throws {
        let (topology, svg) = try Self.full(sample)
        for (_, vpc) in topology.allVPCs {
            let vpcBox = try #require(svg.boxes[vpc.id])
            let lowestSubnet = try vpc.subnets.map { try #require(svg.boxes[$0.id]).maxY }.max() ?? vpcBox.minY
            for endpoint in vpc.gatewayEndpoints {
                let box = try #require(svg.boxes[endpoint.id])
                #expect(vpcBox.contains(box), "\(endpoint.id) outside its VPC")
                #expect(box.minY > lowestSubnet, "\(endpoint.id) not below the subnets")
                for table in endpoint.routeTableIDs { #expect(try #require(svg.boxes[table]).maxY < box.minY) }
            }
        }
    }

    /// Edges to services outside the VPC are grouped: one per route table (or endpoint) and
    /// destination, however many subnets use it.
    @Test func edgesAreGroupedPerRouteTableAndDestination() throws {
        let (topology, svg) = try Self.full("app-vpc.yaml")
        let vpc = topology.regions[0].vpcs[0]
        let edges = svg.ids(ofKind: "route")
        // Both private tables route to both gateway endpoints: one edge each, to the endpoints' group.
        let toGroup = edges.filter { $0.hasSuffix("--\(vpc.id)_gateway-endpoints") }
        #expect(toGroup.count == 2, "\(toGroup)")
        for endpoint in vpc.gatewayEndpoints { #expect(!edges.contains { $0.hasSuffix("--\(endpoint.id)") }) }
        let toServices = svg.ids(ofKind: "endpoint-service")
        #expect(toServices.count == vpc.gatewayEndpoints.count + vpc.interfaceEndpoints.count)
    }

    /// No diagram of the samples, in any view, is wider than about 4× its height (or the reverse).
    @Test(arguments: samples)
    func aspectRatioStaysReadable(_ sample: String) throws {
        for view in DiagramView.allCases {
            for split in view == .full ? [SplitMode.never, .always] : [.auto] {
                let (_, svgs) = try Self.rendered(sample, view: view, split: split)
                #expect(!svgs.isEmpty)
                for (name, svg) in svgs {
                    let ratio = svg.widthPoints / svg.heightPoints
                    #expect(ratio <= 4 && ratio >= 0.25, "\(name) (\(view), split \(split)) is \(svg.widthPoints) × \(svg.heightPoints) pt")
                }
            }
        }
    }

    @Test func legendListsOnlyTheKindsPresent() throws {
        for sample in Self.samples {
            let (_, svg) = try Self.full(sample)
            let legendIcons = Set(svg.icons.filter { $0.owner == "legend" }.map(\.symbol))
            let drawnIcons = Set(svg.icons.filter { $0.owner != "legend" }.map(\.symbol))
            #expect(legendIcons == drawnIcons, "\(sample): legend \(legendIcons.sorted()) vs drawn \(drawnIcons.sorted())")
        }
        let (_, app) = try Self.full("app-vpc.yaml")
        #expect(!app.icons.contains { $0.symbol == "icon-transit-gateway" })
        let (_, multi) = try Self.full("multi-region.yaml")
        #expect(multi.icons.contains { $0.symbol == "icon-transit-gateway" && $0.owner == "legend" })
    }

    /// Every icon sits inside the node or cluster it belongs to.
    @Test(arguments: samples)
    func iconsSitInsideTheirOwners(_ sample: String) throws {
        let (_, svg) = try Self.full(sample)
        #expect(svg.icons.count > 10)
        for icon in svg.icons {
            let owner = try #require(svg.boxes[icon.owner], "icon \(icon.symbol) without owner")
            #expect(owner.contains(icon.box), "\(icon.symbol) at \(icon.box) outside \(icon.owner) \(owner)")
            #expect(abs(icon.box.width - icon.box.height) < 0.5 && icon.box.width >= 13.5)
        }
    }
}

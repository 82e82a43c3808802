@testable import Diagram
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// The per-VPC diagram in the AWS reference-diagram convention (issue 9): size and text on a
/// generated 30-VPC account, no crossing routes in the app sample, a legend naming every edge kind.
@Suite struct VPCSceneTests {
    /// 30 VPCs in one region, 3 AZs × 4 tiers, 4 interface and 2 gateway endpoints each.
    static func generatedAccount() throws -> Topology {
        let script = Paths.repository.appendingPathComponent("scripts/generate-topology.py").path
        let result = try Run.process("/usr/bin/env", ["python3", script, "30", "--rich"])
        #expect(result.status == 0, "\(result.stderr)")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpcscene-\(UUID().uuidString).yaml")
        try result.stdout.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SampleRendering.load(url)
    }

    static func render(_ topology: Topology, view: DiagramView, detail: DetailLevel = .standard) -> [String: String] {
        var options = DiagramOptions()
        options.detail = detail
        let (files, diagnostics) = Pipeline(formats: [.svg], diagramOptions: options, view: view).render(topology, name: "account")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
    }

    /// Text as Graphviz writes it into an SVG (a hyphen as `&#45;`).
    static func t(_ text: String) -> String { text.replacing("-", with: "&#45;") }

    /// Every `font-size` in an SVG, in points.
    static func fontSizes(_ svg: String) -> [Double] {
        svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.output.1) }
    }

    @Test(arguments: DetailLevel.allCases)
    func generatedAccountFitsAWikiColumn(_ detail: DetailLevel) throws {
        let topology = try Self.generatedAccount()
        #expect(topology.allVPCs.count == 30)
        let svgs = Self.render(topology, view: .vpc, detail: detail)
        #expect(svgs.count == 30)
        for (name, svg) in svgs.sorted(by: { $0.key < $1.key }) {
            let geometry = try SVGGeometry(svg: svg)
            let (width, height) = geometry.viewBox
            #expect(width > 0 && height > 0, "\(name): no viewBox")
            #expect(width <= 1_400, "\(detail) \(name): \(width) pt wide")
            #expect(max(width / height, height / width) <= 2, "\(detail) \(name): aspect \(width) × \(height)")
            let sizes = Self.fontSizes(svg)
            #expect(!sizes.isEmpty)
            #expect(sizes.allSatisfy { $0 >= 9 }, "\(name): text at \(sizes.filter { $0 < 9 }) pt")
        }
    }

    @Test(arguments: DetailLevel.allCases)
    func noTextUnderNinePointsAtAnyDetail(_ detail: DetailLevel) throws {
        for sample in LayoutTests.samples {
            let topology = try SampleRendering.load(Paths.samples.appendingPathComponent(sample))
            for (name, svg) in Self.render(topology, view: .vpc, detail: detail) {
                let small = Self.fontSizes(svg).filter { $0 < 9 }
                #expect(small.isEmpty, "\(detail) \(name): text at \(small) pt")
            }
        }
    }

    /// Subnet names are 10 pt or more.
    @Test func namesAreTenPointsOrMore() throws {
        let topology = try SampleRendering.load(Paths.samples.appendingPathComponent("app-vpc.yaml"))
        let svg = try #require(Self.render(topology, view: .full)["account.svg"])
        for name in ["public-a", "private-b", "app"] {
            let match = try #require(svg.firstMatch(of: try Regex("font-size=\"([0-9.]+)\"[^>]*>\(Self.t(name))<")), "no text '\(name)'")
            let size = try #require(Double(String(match.output[1].substring ?? "")))
            #expect(size >= 10, "\(name) at \(size) pt")
        }
    }

    /// Route edges of the app sample, as polylines (each cubic Bézier sampled), do not cross.
    @Test func routeEdgesOfTheAppSampleDoNotCross() throws {
        let topology = try SampleRendering.load(Paths.samples.appendingPathComponent("app-vpc.yaml"))
        let svg = try #require(Self.render(topology, view: .full)["account.svg"])
        let routes = EdgePaths.paths(in: svg, class: "route")
        #expect(routes.count == 5, "\(routes.keys.sorted())")
        let crossings = EdgePaths.crossings(routes)
        #expect(crossings.isEmpty, "route edges cross: \(crossings)")
    }

    /// The crossing counter finds a crossing where there is one.
    @Test func crossingCounterSeesACrossing() {
        let a = [(0.0, 0.0), (10.0, 10.0)], b = [(0.0, 10.0), (10.0, 0.0)], c = [(20.0, 0.0), (30.0, 0.0)]
        #expect(EdgePaths.crossings(["a": a, "b": b, "c": c]).count == 1)
    }

    /// The legend names every edge kind drawn (by its CSS class) and no kind that is not drawn,
    /// in each VPC's diagram and in the full view.
    @Test(arguments: LayoutTests.samples, [DiagramView.vpc, .full])
    func legendNamesEveryEdgeKindDrawn(_ sample: String, view: DiagramView) throws {
        let topology = try SampleRendering.load(Paths.samples.appendingPathComponent(sample))
        for (name, svg) in Self.render(topology, view: view) {
            try Self.expectLegendNamesEdgeKinds(svg, name: name)
        }
    }

    /// The edge kinds drawn in an SVG (by CSS class) are the edge kinds its legend names.
    static func expectLegendNamesEdgeKinds(_ svg: String, name: String) throws {
        let drawn = Set(svg.matches(of: /class="edge ([a-z&#0-9;]+)"/).map { String($0.output.1).replacing("&#45;", with: "-") }).compactMap { EdgeKind(rawValue: $0) }
        #expect(!drawn.isEmpty, "\(name): no edges")
        let legend = try #require(svg.firstRange(of: "id=\"legend\"").map { String(svg[$0.lowerBound...]) }, "\(name): no legend")
        let rest = legend.dropFirst(40)
        let end = [rest.firstRange(of: "class=\"node "), rest.firstRange(of: "class=\"edge "), rest.firstRange(of: "class=\"cluster ")]
            .compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        let legendText = String(rest[..<end])
        for kind in drawn {
            #expect(legendText.contains(">\(Self.t(kind.title))<"), "\(name): legend lacks edge kind '\(kind.title)'")
        }
        for kind in EdgeKind.allCases where !drawn.contains(kind) {
            #expect(!legendText.contains(">\(Self.t(kind.title))<"), "\(name): legend names '\(kind.title)', not drawn")
        }
    }

    /// Subnets are single nodes (not clusters) with their ENIs as chips, and the detail levels
    /// differ in what they show.
    @Test func detailLevels() throws {
        let topology = try SampleRendering.load(Paths.samples.appendingPathComponent("app-vpc.yaml"))
        let summary = try #require(Self.render(topology, view: .vpc, detail: .summary).values.first)
        let standard = try #require(Self.render(topology, view: .vpc, detail: .standard).values.first)
        let full = try #require(Self.render(topology, view: .vpc, detail: .full).values.first)
        for svg in [summary, standard, full] {
            #expect(svg.contains("class=\"node subnet public\""))
            #expect(!svg.contains("cluster_subnet_"))
        }
        // Summary: no route tables, the endpoints as one group.
        #expect(!summary.contains(Self.t("class=\"node route-table\"")))
        #expect(summary.contains(Self.t("class=\"node endpoint-group\"")))
        // Standard: route tables, ENI chips, DNS names; no ids in the picture (only in tooltips).
        #expect(standard.contains(Self.t("class=\"node route-table\"")))
        #expect(standard.contains(Self.t(">execute-api 10.0.10.10<")))
        #expect(standard.contains("vpce.amazonaws.com<") || standard.contains("amazonaws.com<"))
        #expect(!standard.contains(Self.t(">vpce-0a1b2c3d4e5f60101<")))
        // Full: the ids.
        #expect(full.contains(Self.t(">subnet-0a1a2b3c4d5e6f701<")))
    }

    /// What the model has and the old diagram did not draw: GWLB endpoints, pending resources,
    /// unknown DNS attributes.
    @Test func drawsGatewayLoadBalancerEndpointsPendingAndUnknownDNS() throws {
        var topology = try SampleRendering.load(Paths.samples.appendingPathComponent("app-vpc.yaml"))
        var vpc = topology.regions[0].vpcs[0]
        vpc.gatewayLoadBalancerEndpoints = [GatewayLoadBalancerEndpoint(id: "vpce-0ffff000000000001", name: "inspection",
            service: ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"), subnetID: "subnet-0a1a2b3c4d5e6f701",
            ip: try #require(IPAddress("10.0.0.50")))]
        vpc.natGateways[1].pendingState = .pending
        vpc.interfaceEndpoints[0].pendingState = .pendingAcceptance
        vpc.dnsHostnamesKnown = false
        topology.regions[0].vpcs[0] = vpc
        let svg = try #require(Self.render(topology, view: .vpc).values.first)
        #expect(svg.contains(">GWLB 10.0.0.50<"))
        #expect(svg.contains(Self.t(">NAT nat-b pending<")))
        #expect(svg.contains("state: pending&#45;acceptance (not yet available)"))
        #expect(svg.contains(">DNS ?<"))
        #expect(svg.contains("enableDnsHostnames not in the input: unknown"))
    }

    @Test func tierNamesComeFromSubnetNames() {
        func subnet(_ name: String?, _ zone: String) -> Subnet {
            Subnet(id: "subnet-1", name: name, availabilityZone: zone, cidr: CIDR("10.0.0.0/24")!)
        }
        #expect(DiagramBuilder.tierName(of: subnet("data-a", "eu-west-1a")) == "data")
        #expect(DiagramBuilder.tierName(of: subnet("app_1a", "eu-west-1a")) == "app")
        #expect(DiagramBuilder.tierName(of: subnet("web-eu-west-1b", "eu-west-1b")) == "web")
        #expect(DiagramBuilder.tierName(of: subnet("data-a", "eu-west-1b")) == nil)
        #expect(DiagramBuilder.tierName(of: subnet(nil, "eu-west-1a")) == nil)
    }
}

/// Edge paths read from an SVG, and where they cross.
enum EdgePaths {
    /// The `d` of each edge of a class (by edge id), as points: each cubic segment sampled.
    static func paths(in svg: String, class kind: String) -> [String: [(Double, Double)]] {
        var out: [String: [(Double, Double)]] = [:]
        let pattern = try! Regex("<g id=\"([^\"]+)\" class=\"edge \(kind)\">[\\s\\S]*?<path [^>]*d=\"([^\"]+)\"")
        for match in svg.matches(of: pattern) {
            guard let id = match.output[1].substring, let d = match.output[2].substring else { continue }
            let numbers = d.replacing("M", with: " ").replacing("C", with: " ").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            var points: [(Double, Double)] = []
            var index = 0
            var pairs: [(Double, Double)] = []
            while index + 1 < numbers.count { pairs.append((numbers[index], numbers[index + 1])); index += 2 }
            guard let first = pairs.first else { continue }
            points.append(first)
            var i = 1
            while i + 2 < pairs.count + 0 || i + 2 == pairs.count {
                let p0 = pairs[i - 1], p1 = pairs[i], p2 = pairs[i + 1], p3 = pairs[i + 2]
                for step in 1...8 {
                    let t = Double(step) / 8, u = 1 - t
                    let x = u * u * u * p0.0 + 3 * u * u * t * p1.0 + 3 * u * t * t * p2.0 + t * t * t * p3.0
                    let y = u * u * u * p0.1 + 3 * u * u * t * p1.1 + 3 * u * t * t * p2.1 + t * t * t * p3.1
                    points.append((x, y))
                }
                i += 3
            }
            out[String(id)] = points
        }
        return out
    }

    /// Pairs of paths whose segments properly intersect (touching ends, as at a shared node, do not count).
    static func crossings(_ paths: [String: [(Double, Double)]]) -> [String] {
        let names = paths.keys.sorted()
        var found: [String] = []
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] where intersects(paths[a]!, paths[b]!) { found.append("\(a) × \(b)") }
        }
        return found
    }

    static func intersects(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> Bool {
        func cross(_ o: (Double, Double), _ p: (Double, Double), _ q: (Double, Double)) -> Double {
            (p.0 - o.0) * (q.1 - o.1) - (p.1 - o.1) * (q.0 - o.0)
        }
        for (p1, p2) in zip(a, a.dropFirst()) {
            for (q1, q2) in zip(b, b.dropFirst()) {
                let d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2), d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2)
                if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
            }
        }
        return false
    }
}

